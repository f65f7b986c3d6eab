package org.skillshelf.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.common.TopicPartition;
import org.skillshelf.app.ChildInstance;
import org.skillshelf.broker.EmbeddedKafkaBroker;
import org.skillshelf.kafka.KafkaClients;
import org.skillshelf.kafka.TopicProvisioner;

/**
 * Scale-out of enrich in split mode: one external broker (in this JVM), enrich instances each in a
 * JVM of their own. Measures pages per second with one instance, then with two, then kills the
 * second with SIGKILL in the middle of a run and measures how long until the first holds all the
 * partitions, how long until every request is enriched, and whether any result was written twice.
 *
 * <p>Arguments: requests per measured run (default 1,000) and a folder of pages (default the
 * extraction corpus).
 */
public final class ScaleBenchmark {
  private static final String GROUP = "skillshelf-enrich";
  private static final Duration RUN_LIMIT = Duration.ofMinutes(10);

  private ScaleBenchmark() {}

  public static void main(String[] args) throws Exception {
    int count = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
    Path folder = Path.of(args.length > 1 ? args[1] : "../../shared/corpora/extraction-dev/html");
    List<byte[]> pages = EnrichmentBenchmark.load(folder);
    Path data = Files.createTempDirectory("skillshelf-scale");
    System.out.printf("scale benchmark: %d requests a run over %d distinct pages on 8 loopback hosts; %s; load average %s%n",
        count, pages.size(), Figures.machine(), Figures.loadAverage());
    try (var broker = EmbeddedKafkaBroker.start(data.resolve("broker")); var web = PageWeb.start(pages, 8)) {
      var kafka = new KafkaClients(broker.bootstrapServers(), data.resolve("bench"), 1);
      TopicProvisioner.ensureTopics(kafka);
      try (var admin = Admin.create(kafka.admin()); var feed = new EnrichFeed(kafka, web);
          var first = ChildInstance.start("a", settings(broker, data, "a"), "1g", data.resolve("a.log"))) {
        first.awaitReady(Duration.ofMinutes(3));
        feed.run("warm-a", Math.min(200, count), RUN_LIMIT);
        Duration cpu = first.cpu();
        double one = feed.run("one", count, RUN_LIMIT);
        System.out.printf("one enrich instance:  %.1f pages/s, %.1f CPU-ms a page%n", one, perPage(first.cpu().minus(cpu), count));
        try (var second = ChildInstance.start("b", settings(broker, data, "b"), "1g", data.resolve("b.log"))) {
          second.awaitReady(Duration.ofMinutes(3));
          awaitMembers(admin, 2, Duration.ofMinutes(2));
          feed.run("warm-b", Math.min(200, count), RUN_LIMIT);
          Duration cpuBoth = first.cpu().plus(second.cpu());
          double two = feed.run("two", count, RUN_LIMIT);
          System.out.printf("two enrich instances: %.1f pages/s, %.1f CPU-ms a page (%.2f times one; load average %s)%n", two,
              perPage(first.cpu().plus(second.cpu()).minus(cpuBoth), count), two / one, Figures.loadAverage());
          takeover(admin, feed, second, count);
        }
      }
    }
    System.out.printf("data and instance logs kept in %s%n", data);
  }

  private static void takeover(Admin admin, EnrichFeed feed, ChildInstance victim, int count) throws Exception {
    Set<TopicPartition> shared = owned(admin).values().stream().collect(HashSet::new, Set::addAll, Set::addAll);
    feed.send("takeover", count);
    feed.await("takeover", count / 4, RUN_LIMIT);
    int doneAtKill = feed.enriched("takeover");
    long killedAt = System.nanoTime();
    victim.kill();
    long deadline = killedAt + Duration.ofMinutes(2).toNanos();
    while (!heldByOne(owned(admin), shared) && System.nanoTime() < deadline) {
      Thread.sleep(100); // polling the group coordinator; nothing to be notified by
    }
    double takeover = (System.nanoTime() - killedAt) / 1e9;
    int done = feed.await("takeover", count, RUN_LIMIT);
    double allDone = (System.nanoTime() - killedAt) / 1e9;
    System.out.printf("kill -9 of one instance with %d of %d enriched: the survivor held all %d partitions %.1f s later, "
        + "all %d enriched %.1f s after the kill (%d missing), %d enriched twice%n",
        doneAtKill, count, shared.size(), takeover, done, allDone, count - done, feed.doubled("takeover"));
  }

  private static double perPage(Duration cpu, int pages) {
    return cpu.toNanos() / 1e6 / pages;
  }

  private static boolean heldByOne(Map<String, Set<TopicPartition>> owned, Set<TopicPartition> shared) {
    return owned.size() == 1 && owned.values().iterator().next().containsAll(shared);
  }

  private static Map<String, String> settings(EmbeddedKafkaBroker broker, Path data, String name) {
    Map<String, String> env = new HashMap<>();
    env.put("SKILLSHELF_HTTP_PORT", "0");
    env.put("SKILLSHELF_DATA_DIR", data.resolve(name).toString());
    env.put("SKILLSHELF_KAFKA_BOOTSTRAP", broker.bootstrapServers());
    env.put("SKILLSHELF_SERVICES", "enrich");
    env.put("SKILLSHELF_INSTANCE_ID", "scale-" + name);
    env.put("SKILLSHELF_FETCH_ALLOW_CIDRS", "127.0.0.0/8");
    env.put("SKILLSHELF_CURATORS", "bench:bench");
    return env;
  }

  private static Map<String, Set<TopicPartition>> owned(Admin admin) throws Exception {
    ConsumerGroupDescription group = admin.describeConsumerGroups(List.of(GROUP)).all().get().get(GROUP);
    Map<String, Set<TopicPartition>> owned = new HashMap<>();
    for (MemberDescription member : group.members()) {
      owned.put(member.consumerId(), Set.copyOf(member.assignment().topicPartitions()));
    }
    return owned;
  }

  private static void awaitMembers(Admin admin, int members, Duration timeout) throws Exception {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      Map<String, Set<TopicPartition>> now = owned(admin);
      if (now.size() == members && now.values().stream().noneMatch(Set::isEmpty)) {
        return;
      }
      Thread.sleep(100); // polling the group coordinator; nothing to be notified by
    }
    throw new IllegalStateException("the enrich group did not settle on " + members + " working members: " + owned(admin));
  }
}
