package org.skillshelf.bench;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.skillshelf.events.EnrichmentRequest;
import org.skillshelf.kafka.KafkaClients;
import org.skillshelf.kafka.Topics;

/**
 * Puts enrichment requests for loopback pages on the requests topic and counts the committed
 * results per resource on the enriched topic, so a benchmark sees throughput and any result
 * written twice.
 */
final class EnrichFeed implements AutoCloseable {
  private final PageWeb web;
  private final KafkaProducer<String, EnrichmentRequest> producer;
  private final KafkaConsumer<String, byte[]> results;
  private final Map<String, Integer> seen = new HashMap<>();
  private long nextPage;

  EnrichFeed(KafkaClients clients, PageWeb web) {
    this.web = web;
    this.producer = new KafkaProducer<>(clients.producer("scale-feed"), new StringSerializer(), Topics.ENRICHMENT_REQUESTS.serde().serializer());
    this.results = new KafkaConsumer<>(clients.reader("scale-results"), new StringDeserializer(), new ByteArrayDeserializer());
    List<TopicPartition> partitions = results.partitionsFor(Topics.ENRICHED.name()).stream()
        .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
    results.assign(partitions);
    results.seekToEnd(partitions);
    partitions.forEach(results::position);
  }

  /** Sends n requests whose resource ids start with the prefix, each for a page not asked for before. */
  void send(String prefix, int n) {
    for (int i = 0; i < n; i++) {
      String id = prefix + "-" + i;
      producer.send(new ProducerRecord<>(Topics.ENRICHMENT_REQUESTS.name(), id,
          new EnrichmentRequest(EnrichmentRequest.VERSION, id, web.url(nextPage++), id + ".s", List.of(), null, null, Instant.now())));
    }
    producer.flush();
  }

  /** Reads results until n distinct resources with the prefix are enriched or the timeout passes; answers how many are. */
  int await(String prefix, int n, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    int done = enriched(prefix);
    while (done < n && System.nanoTime() < deadline) {
      results.poll(Duration.ofMillis(100)).forEach(r -> seen.merge(r.key(), 1, Integer::sum));
      done = enriched(prefix);
    }
    return done;
  }

  /** Sends n requests and answers the pages per second until all n are enriched (0 if they were not within the timeout). */
  double run(String prefix, int n, Duration timeout) {
    long start = System.nanoTime();
    send(prefix, n);
    int done = await(prefix, n, timeout);
    double seconds = (System.nanoTime() - start) / 1e9;
    if (done < n) {
      System.out.printf("  only %d of %d enriched within %s%n", done, n, timeout);
    }
    return done / seconds;
  }

  int enriched(String prefix) {
    return (int) seen.keySet().stream().filter(k -> k.startsWith(prefix + "-")).count();
  }

  /** Resources with the prefix that have more than one committed result. */
  long doubled(String prefix) {
    return seen.entrySet().stream().filter(e -> e.getKey().startsWith(prefix + "-") && e.getValue() > 1).count();
  }

  @Override
  public void close() {
    producer.close();
    results.close();
  }
}
