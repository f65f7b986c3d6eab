package org.skillshelf.broker;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Several real Kafka nodes in this JVM, each a combined broker and controller, with a static
 * quorum of all of them: the cluster for fault drills (stop a node, see what the pipeline does,
 * restart it). Topics get three replicas and {@code min.insync.replicas=2} where there are three
 * nodes or more, as in production.
 *
 * <pre>{@code
 * try (var cluster = EmbeddedKafkaCluster.start(Path.of("data"), 3)) {
 *   cluster.stop(2);
 *   cluster.restart(2);
 * }
 * }</pre>
 *
 * <p>Nodes are numbered from 1. Every node's ports are chosen once and kept in
 * {@code cluster.properties}, because the quorum's voter addresses must not change across restarts.
 */
public final class EmbeddedKafkaCluster implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(EmbeddedKafkaCluster.class);
  private static final long START_TIMEOUT_SECONDS = 120;

  private final Path dataDir;
  private final List<Properties> configs;
  private final @Nullable KafkaRaftServer[] servers;
  private final FileChannel lockChannel;
  private final FileLock lock;

  private EmbeddedKafkaCluster(Path dataDir, List<Properties> configs, FileChannel lockChannel, FileLock lock) {
    this.dataDir = dataDir;
    this.configs = configs;
    this.servers = new KafkaRaftServer[configs.size()];
    this.lockChannel = lockChannel;
    this.lock = lock;
  }

  /** Formats every node's directory on first use, then starts them all; returns once each accepts clients. */
  public static EmbeddedKafkaCluster start(Path dataDir, int nodes) {
    if (nodes < 1) {
      throw new IllegalArgumentException("a cluster needs at least one node, not " + nodes);
    }
    try {
      Files.createDirectories(dataDir);
      FileChannel channel = FileChannel.open(dataDir.resolve("cluster.lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
      FileLock lock = EmbeddedKafkaBroker.tryLock(channel, dataDir);
      var cluster = new EmbeddedKafkaCluster(dataDir, nodeProperties(dataDir, nodes), channel, lock);
      try {
        for (int node = 1; node <= nodes; node++) {
          Path nodeDir = dataDir.resolve("node-" + node);
          Files.createDirectories(nodeDir);
          EmbeddedKafkaBroker.format(nodeDir, cluster.configs.get(node - 1));
        }
        // Each node's broker waits for a controller quorum, so they must start together.
        cluster.startAll(IntStream.rangeClosed(1, nodes).boxed().toList());
        LOG.info("Embedded Kafka cluster of {} nodes on {}", nodes, cluster.bootstrapServers());
        return cluster;
      } catch (RuntimeException e) {
        cluster.close();
        throw e;
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start the embedded Kafka cluster in " + dataDir, e);
    }
  }

  private static List<Properties> nodeProperties(Path dataDir, int nodes) throws IOException {
    Path remembered = dataDir.resolve("cluster.properties");
    Properties ports = new Properties();
    if (Files.exists(remembered)) {
      try (var in = Files.newInputStream(remembered)) {
        ports.load(in);
      }
    } else {
      ports.setProperty("skillshelf.cluster.id", Uuid.randomUuid().toString());
      for (int node = 1; node <= nodes; node++) {
        ports.setProperty("node." + node + ".broker.port", String.valueOf(EmbeddedKafkaBroker.freePort()));
        ports.setProperty("node." + node + ".controller.port", String.valueOf(EmbeddedKafkaBroker.freePort()));
      }
      try (var out = Files.newOutputStream(remembered)) {
        ports.store(out, "Skillshelf embedded cluster: chosen once, kept across restarts");
      }
    }
    String voters = IntStream.rangeClosed(1, nodes)
        .mapToObj(n -> n + "@127.0.0.1:" + ports.getProperty("node." + n + ".controller.port"))
        .collect(Collectors.joining(","));
    List<Properties> configs = new ArrayList<>();
    for (int node = 1; node <= nodes; node++) {
      configs.add(node(dataDir.resolve("node-" + node), node, nodes, voters, ports));
    }
    return configs;
  }

  private static Properties node(Path nodeDir, int node, int nodes, String voters, Properties ports) {
    String broker = ports.getProperty("node." + node + ".broker.port");
    String controller = ports.getProperty("node." + node + ".controller.port");
    String replicas = String.valueOf(Math.min(3, nodes));
    String minIsr = nodes >= 3 ? "2" : "1";
    Properties p = new Properties();
    p.setProperty("skillshelf.cluster.id", ports.getProperty("skillshelf.cluster.id"));
    p.setProperty("process.roles", "broker,controller");
    p.setProperty("node.id", String.valueOf(node));
    p.setProperty("controller.quorum.voters", voters);
    p.setProperty("listeners", "PLAINTEXT://127.0.0.1:" + broker + ",CONTROLLER://127.0.0.1:" + controller);
    p.setProperty("advertised.listeners", "PLAINTEXT://127.0.0.1:" + broker);
    p.setProperty("controller.listener.names", "CONTROLLER");
    p.setProperty("inter.broker.listener.name", "PLAINTEXT");
    p.setProperty("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
    p.setProperty("log.dirs", nodeDir.resolve("kafka").toAbsolutePath().toString());
    p.setProperty("offsets.topic.replication.factor", replicas);
    p.setProperty("offsets.topic.num.partitions", "6");
    p.setProperty("transaction.state.log.replication.factor", replicas);
    p.setProperty("transaction.state.log.min.isr", minIsr);
    p.setProperty("transaction.state.log.num.partitions", "6");
    p.setProperty("share.coordinator.state.topic.replication.factor", replicas);
    p.setProperty("share.coordinator.state.topic.min.isr", minIsr);
    p.setProperty("default.replication.factor", replicas);
    p.setProperty("min.insync.replicas", minIsr);
    p.setProperty("unclean.leader.election.enable", "false");
    p.setProperty("auto.create.topics.enable", "false");
    p.setProperty("group.initial.rebalance.delay.ms", "0");
    // Several nodes share one small machine: few threads, small buffers.
    p.setProperty("num.network.threads", "1");
    p.setProperty("num.io.threads", "2");
    p.setProperty("num.replica.fetchers", "1");
    p.setProperty("background.threads", "2");
    p.setProperty("log.cleaner.threads", "1");
    p.setProperty("log.segment.bytes", String.valueOf(16 * 1024 * 1024));
    p.setProperty("log.cleaner.dedupe.buffer.size", String.valueOf(2 * 1024 * 1024));
    p.setProperty("log.retention.check.interval.ms", "300000");
    // A stopped node's replicas leave the ISR quickly, so writes go on with the other two.
    p.setProperty("replica.lag.time.max.ms", "5000");
    p.setProperty("broker.session.timeout.ms", "6000");
    p.setProperty("broker.heartbeat.interval.ms", "1000");
    return p;
  }

  private void startAll(List<Integer> nodes) {
    List<CompletableFuture<Void>> starting = new ArrayList<>();
    for (int node : nodes) {
      KafkaRaftServer server = new KafkaRaftServer(KafkaConfig.fromProps(configs.get(node - 1), false), Time.SYSTEM);
      synchronized (this) {
        servers[node - 1] = server;
      }
      starting.add(CompletableFuture.runAsync(server::startup, runnable -> Thread.ofPlatform().name("kafka-node-" + node + "-start").start(runnable)));
    }
    try {
      CompletableFuture.allOf(starting.toArray(CompletableFuture[]::new)).get(START_TIMEOUT_SECONDS, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while starting Kafka nodes " + nodes, e);
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException("Kafka nodes " + nodes + " did not start: " + e, e);
    }
  }

  /** {@code host:port} of every node, for clients; a client needs only one of them to be up. */
  public String bootstrapServers() {
    return IntStream.rangeClosed(1, configs.size()).mapToObj(this::bootstrapServers).collect(Collectors.joining(","));
  }

  /** The {@code host:port} of one node. */
  public String bootstrapServers(int node) {
    return "127.0.0.1:" + configs.get(node - 1).getProperty("listeners").replaceAll(".*PLAINTEXT://127\\.0\\.0\\.1:(\\d+),.*", "$1");
  }

  public int size() {
    return configs.size();
  }

  /** Stops one node cleanly (its broker hands its leaderships over first); its log stays. */
  public void stop(int node) {
    KafkaRaftServer server;
    synchronized (this) {
      server = servers[node - 1];
      servers[node - 1] = null;
    }
    if (server != null) {
      server.shutdown();
      server.awaitShutdown();
      LOG.info("Stopped Kafka node {}", node);
    }
  }

  /** Starts stopped nodes again on their logs, together (each may need the others for a quorum). */
  public void restart(int... nodes) {
    List<Integer> stopped = new ArrayList<>();
    for (int node : nodes) {
      synchronized (this) {
        if (servers[node - 1] != null) {
          throw new IllegalStateException("node " + node + " is running");
        }
      }
      stopped.add(node);
    }
    startAll(stopped);
    LOG.info("Restarted Kafka nodes {}", stopped);
  }

  /** Where the cluster keeps its nodes' logs. */
  public Path dataDir() {
    return dataDir;
  }

  /**
   * Stops every node at once: one at a time, the last would wait minutes for a quorum to approve
   * its controlled shutdown.
   */
  @Override
  public void close() {
    List<Thread> stopping = new ArrayList<>();
    for (int node = 1; node <= configs.size(); node++) {
      int n = node;
      stopping.add(Thread.ofPlatform().name("kafka-node-" + n + "-stop").start(() -> {
        try {
          stop(n);
        } catch (RuntimeException e) {
          LOG.warn("Stopping Kafka node {} failed: {}", n, e.toString());
        }
      }));
    }
    for (Thread thread : stopping) {
      try {
        thread.join();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    try {
      lock.release();
      lockChannel.close();
    } catch (IOException e) {
      LOG.warn("could not release the cluster lock: {}", e.toString());
    }
  }
}
