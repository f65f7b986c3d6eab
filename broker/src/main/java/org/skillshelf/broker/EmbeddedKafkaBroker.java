package org.skillshelf.broker;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Properties;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.tools.StorageTool;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real Kafka broker (KRaft, combined broker and controller, one node) whose log lives under a data
 * directory and survives restarts.
 *
 * <pre>{@code
 * try (var broker = EmbeddedKafkaBroker.start(Path.of("data"))) {
 *   String bootstrap = broker.bootstrapServers();
 * }
 * }</pre>
 *
 * <p>The listener ports are chosen once and remembered in {@code broker.properties}: the controller's
 * address is part of the quorum's identity, so it must not change across restarts. Two brokers on
 * one directory would corrupt the metadata log (and Kafka then halts the JVM), so the directory is
 * locked for as long as the broker runs.
 */
public final class EmbeddedKafkaBroker implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(EmbeddedKafkaBroker.class);

  private final KafkaRaftServer server;
  private final String bootstrapServers;
  private final FileChannel lockChannel;
  private final FileLock lock;
  private boolean closed;

  private EmbeddedKafkaBroker(KafkaRaftServer server, String bootstrapServers, FileChannel lockChannel, FileLock lock) {
    this.server = server;
    this.bootstrapServers = bootstrapServers;
    this.lockChannel = lockChannel;
    this.lock = lock;
  }

  /** Formats the directory on first use, then starts the broker; returns once it accepts clients. */
  public static EmbeddedKafkaBroker start(Path dataDir) {
    try {
      Files.createDirectories(dataDir);
      FileChannel channel = FileChannel.open(dataDir.resolve("broker.lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
      FileLock lock = tryLock(channel, dataDir);
      try {
        Properties props = brokerProperties(dataDir);
        format(dataDir, props);
        KafkaRaftServer server = new KafkaRaftServer(KafkaConfig.fromProps(props, false), Time.SYSTEM);
        server.startup();
        String bootstrap = "127.0.0.1:" + props.getProperty("skillshelf.broker.port");
        LOG.info("Embedded Kafka broker started on {} with its log under {}", bootstrap, dataDir.toAbsolutePath());
        HangingTransactions.abortAll(bootstrap, Duration.ofSeconds(30));
        return new EmbeddedKafkaBroker(server, bootstrap, channel, lock);
      } catch (RuntimeException e) {
        lock.release();
        channel.close();
        throw e;
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start the embedded Kafka broker in " + dataDir, e);
    }
  }

  static FileLock tryLock(FileChannel channel, Path dataDir) throws IOException {
    @Nullable FileLock lock;
    try {
      lock = channel.tryLock();
    } catch (OverlappingFileLockException e) {
      lock = null;
    }
    if (lock == null) {
      channel.close();
      throw new IllegalStateException("another Skillshelf broker is already using " + dataDir.toAbsolutePath()
          + "; stop it first or choose another SKILLSHELF_DATA_DIR");
    }
    return lock;
  }

  private static Properties brokerProperties(Path dataDir) throws IOException {
    Path remembered = dataDir.resolve("broker.properties");
    Properties ports = new Properties();
    if (Files.exists(remembered)) {
      try (var in = Files.newInputStream(remembered)) {
        ports.load(in);
      }
    } else {
      ports.setProperty("skillshelf.broker.port", String.valueOf(freePort()));
      ports.setProperty("skillshelf.controller.port", String.valueOf(freePort()));
      ports.setProperty("skillshelf.cluster.id", Uuid.randomUuid().toString());
      try (var out = Files.newOutputStream(remembered)) {
        ports.store(out, "Skillshelf embedded broker: chosen once, kept across restarts");
      }
    }
    String broker = ports.getProperty("skillshelf.broker.port");
    String controller = ports.getProperty("skillshelf.controller.port");
    Properties p = new Properties();
    p.putAll(ports);
    p.setProperty("process.roles", "broker,controller");
    p.setProperty("node.id", "1");
    p.setProperty("controller.quorum.voters", "1@127.0.0.1:" + controller);
    p.setProperty("listeners", "PLAINTEXT://127.0.0.1:" + broker + ",CONTROLLER://127.0.0.1:" + controller);
    p.setProperty("advertised.listeners", "PLAINTEXT://127.0.0.1:" + broker);
    p.setProperty("controller.listener.names", "CONTROLLER");
    p.setProperty("inter.broker.listener.name", "PLAINTEXT");
    p.setProperty("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
    p.setProperty("log.dirs", dataDir.resolve("kafka").toAbsolutePath().toString());
    // One node: every internal topic must have a single replica, or consumers stall.
    p.setProperty("offsets.topic.replication.factor", "1");
    p.setProperty("offsets.topic.num.partitions", "6");
    p.setProperty("transaction.state.log.replication.factor", "1");
    p.setProperty("transaction.state.log.min.isr", "1");
    p.setProperty("transaction.state.log.num.partitions", "6");
    p.setProperty("share.coordinator.state.topic.replication.factor", "1");
    p.setProperty("share.coordinator.state.topic.min.isr", "1");
    p.setProperty("default.replication.factor", "1");
    p.setProperty("min.insync.replicas", "1");
    p.setProperty("auto.create.topics.enable", "false");
    p.setProperty("group.initial.rebalance.delay.ms", "0");
    p.setProperty("num.network.threads", "2");
    p.setProperty("num.io.threads", "4");
    p.setProperty("log.segment.bytes", String.valueOf(64 * 1024 * 1024));
    p.setProperty("log.cleaner.dedupe.buffer.size", String.valueOf(8 * 1024 * 1024));
    p.setProperty("log.retention.check.interval.ms", "300000");
    // Exactly-once streams start a transaction as soon as the last one is committed. Until the last
    // one's markers are written (slower on a busy machine), a produce to a partition of the new one
    // waits: by default, 100 ms at most, after which the producer retries with growing back-off and
    // can fall into a run of OUT_OF_ORDER_SEQUENCE retries that holds every stream thread's commit.
    // Waiting here instead keeps the producer's batches in order.
    p.setProperty("add.partitions.to.txn.retry.backoff.max.ms", "2000");
    return p;
  }

  static void format(Path dataDir, Properties props) throws IOException {
    Path file = dataDir.resolve("server.properties");
    try (var out = Files.newOutputStream(file)) {
      props.store(out, "generated by Skillshelf for the storage formatter");
    }
    var output = new ByteArrayOutputStream();
    int code;
    try (var print = new PrintStream(output, true, StandardCharsets.UTF_8)) {
      code = StorageTool.execute(new String[] {"format", "--config", file.toString(),
          "--cluster-id", props.getProperty("skillshelf.cluster.id"), "--ignore-formatted"}, print);
    }
    if (code != 0) {
      throw new IllegalStateException("formatting the Kafka log directory failed: " + output.toString(StandardCharsets.UTF_8));
    }
  }

  static int freePort() throws IOException {
    try (var socket = new ServerSocket()) {
      socket.setReuseAddress(true);
      socket.bind(new InetSocketAddress("127.0.0.1", 0));
      return socket.getLocalPort();
    }
  }

  /** The {@code host:port} clients connect to. */
  public String bootstrapServers() {
    return bootstrapServers;
  }

  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    try {
      server.shutdown();
      server.awaitShutdown();
    } finally {
      try {
        lock.release();
        lockChannel.close();
      } catch (IOException e) {
        LOG.warn("could not release the broker lock: {}", e.toString());
      }
    }
  }
}
