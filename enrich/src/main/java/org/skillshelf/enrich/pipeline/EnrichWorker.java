package org.skillshelf.enrich.pipeline;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.ProducerFencedException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.skillshelf.events.EnrichedResource;
import org.skillshelf.events.EnrichmentRequest;
import org.skillshelf.kafka.DeadLetter;
import org.skillshelf.kafka.KafkaClients;
import org.skillshelf.kafka.Topics;
import org.skillshelf.web.HealthCheck;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs enrichment for requests from Kafka, exactly once: each polled batch is enriched concurrently
 * on virtual threads (fetching is blocking I/O), then its results and the consumed offsets are
 * committed in one Kafka transaction. A crash before the commit repeats the batch; a crash after
 * it never repeats. Every fetch is bounded by the fetcher's total timeout, so a slow site delays
 * its batch by at most that long and never stalls the partition for good.
 */
public final class EnrichWorker implements HealthCheck, AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(EnrichWorker.class);

  private final Enrichment enrichment;
  private final KafkaConsumer<String, byte[]> consumer;
  private final KafkaProducer<String, byte[]> producer;
  private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
  private final Semaphore concurrency;
  private final AtomicBoolean running = new AtomicBoolean(true);
  private final Thread thread;

  public EnrichWorker(Enrichment enrichment, KafkaClients clients, String instanceId, int concurrency) {
    this.enrichment = enrichment;
    this.concurrency = new Semaphore(concurrency);
    Map<String, Object> consumerProps = clients.consumer("skillshelf-enrich", "enrich-" + instanceId);
    consumerProps.put("max.poll.records", 64);
    consumerProps.put("max.poll.interval.ms", 600_000);
    // A crashed instance (no clean leave) holds its partitions until its session expires; 10 s
    // instead of the default 45 s lets the other instances take its share over quickly.
    consumerProps.put("session.timeout.ms", 10_000);
    consumerProps.put("heartbeat.interval.ms", 3_000);
    this.consumer = new KafkaConsumer<>(consumerProps, new StringDeserializer(), new ByteArrayDeserializer());
    this.producer = new KafkaProducer<>(clients.transactionalProducer("skillshelf-enrich-" + instanceId), new StringSerializer(),
        new ByteArraySerializer());
    this.thread = Thread.ofPlatform().name("enrich-worker").daemon().unstarted(this::run);
  }

  public void start() {
    thread.start();
  }

  private void run() {
    try {
      producer.initTransactions();
      consumer.subscribe(Set.of(Topics.ENRICHMENT_REQUESTS.name()));
      while (running.get()) {
        ConsumerRecords<String, byte[]> records = consumer.poll(Duration.ofMillis(500));
        if (!records.isEmpty()) {
          List<ProducerRecord<String, byte[]>> out = new ArrayList<>();
          List<EnrichmentRequest> requests = new ArrayList<>();
          for (ConsumerRecord<String, byte[]> record : records) {
            readOrDeadLetter(record, requests, out);
          }
          for (EnrichedResource result : enrichAll(requests)) {
            out.add(new ProducerRecord<>(Topics.ENRICHED.name(), result.resourceId(),
                Topics.ENRICHED.serde().serializer().serialize(Topics.ENRICHED.name(), result)));
          }
          commitBatch(records, out);
        }
      }
    } catch (WakeupException | InterruptedException e) {
      // close() asked us to stop; an open transaction is aborted by the broker
    } catch (ProducerFencedException e) {
      LOG.error("Another enrich instance took over this one's transactional id; stopping: {}", e.toString());
    } catch (RuntimeException e) {
      LOG.error("The enrich worker stopped: {}", e.toString(), e);
    } finally {
      consumer.close(Duration.ofSeconds(5));
      producer.close(Duration.ofSeconds(5));
    }
  }

  /** A request that cannot be read goes to the dead-letter topic in the same transaction. */
  private void readOrDeadLetter(ConsumerRecord<String, byte[]> record, List<EnrichmentRequest> requests,
      List<ProducerRecord<String, byte[]>> out) {
    if (record.value() == null) {
      return;
    }
    try {
      requests.add(Topics.ENRICHMENT_REQUESTS.serde().deserializer().deserialize(record.topic(), record.value()));
    } catch (SerializationException e) {
      LOG.warn("Unreadable enrichment request {}-{}@{} sent to the dead-letter topic: {}", record.topic(),
          record.partition(), record.offset(), e.getMessage());
      out.add(DeadLetter.of(record, e.getMessage()));
    }
  }

  private List<EnrichedResource> enrichAll(List<EnrichmentRequest> requests) throws InterruptedException {
    List<Future<EnrichedResource>> pending = new ArrayList<>();
    for (EnrichmentRequest request : requests) {
      pending.add(executor.submit(() -> {
        concurrency.acquire();
        try {
          return enrichment.enrich(request);
        } finally {
          concurrency.release();
        }
      }));
    }
    List<EnrichedResource> results = new ArrayList<>();
    for (Future<EnrichedResource> future : pending) {
      try {
        results.add(future.get());
      } catch (java.util.concurrent.ExecutionException e) {
        // Enrichment never throws by design; reaching here is a bug worth a stack trace once.
        LOG.error("Enrichment crashed", e.getCause());
      }
    }
    return results;
  }

  private void commitBatch(ConsumerRecords<String, byte[]> records, List<ProducerRecord<String, byte[]>> results) {
    Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
    for (TopicPartition partition : records.partitions()) {
      List<ConsumerRecord<String, byte[]>> list = records.records(partition);
      offsets.put(partition, new OffsetAndMetadata(list.getLast().offset() + 1));
    }
    try {
      producer.beginTransaction();
      results.forEach(producer::send);
      producer.sendOffsetsToTransaction(offsets, consumer.groupMetadata());
      producer.commitTransaction();
    } catch (ProducerFencedException e) {
      throw e;
    } catch (KafkaException e) {
      LOG.warn("Committing {} enrichment results failed, the batch will be enriched again: {}", results.size(), e.toString());
      producer.abortTransaction();
      rewind(offsets.keySet());
    }
  }

  private void rewind(Set<TopicPartition> partitions) {
    Map<TopicPartition, OffsetAndMetadata> committed = consumer.committed(partitions);
    for (TopicPartition partition : partitions) {
      OffsetAndMetadata offset = committed.get(partition);
      if (offset != null) {
        consumer.seek(partition, offset.offset());
      } else {
        consumer.seekToBeginning(List.of(partition));
      }
    }
  }

  @Override
  public String name() {
    return "enrich-worker";
  }

  @Override
  public String state() {
    return thread.isAlive() ? "RUNNING" : "STOPPED";
  }

  @Override
  public boolean isUp() {
    return thread.isAlive();
  }

  @Override
  public void close() {
    running.set(false);
    consumer.wakeup();
    try {
      thread.join(Duration.ofSeconds(15));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    executor.shutdownNow();
  }
}
