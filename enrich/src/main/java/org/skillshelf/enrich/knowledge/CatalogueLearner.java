package org.skillshelf.enrich.knowledge;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.skillshelf.enrich.tagging.SkillTagger;
import org.skillshelf.enrich.tagging.TaggingInput;
import org.skillshelf.events.CatalogueRecord;
import org.skillshelf.events.EnrichedResource;
import org.skillshelf.kafka.KafkaClients;
import org.skillshelf.kafka.Topics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the catalogue and enriched topics from the beginning and keeps learning from them: every
 * published record teaches the tagger its curator-approved skills, every enriched or published text
 * adds a fingerprint for near-duplicate detection. Reading from the start on every boot is how the
 * tagger's state is rebuilt from topics.
 */
public final class CatalogueLearner implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(CatalogueLearner.class);

  private final SkillTagger tagger;
  private final Fingerprints fingerprints;
  private final KafkaConsumer<String, byte[]> consumer;
  private final AtomicBoolean running = new AtomicBoolean(true);
  private final Thread thread;

  public CatalogueLearner(SkillTagger tagger, Fingerprints fingerprints, KafkaClients clients) {
    this.tagger = tagger;
    this.fingerprints = fingerprints;
    this.consumer = new KafkaConsumer<>(clients.reader("enrich-learner"), new StringDeserializer(), new ByteArrayDeserializer());
    this.thread = Thread.ofPlatform().name("catalogue-learner").daemon().unstarted(this::run);
  }

  public void start() {
    thread.start();
  }

  private void run() {
    try {
      List<TopicPartition> partitions = new ArrayList<>();
      for (String topic : List.of(Topics.CATALOGUE.name(), Topics.ENRICHED.name())) {
        consumer.partitionsFor(topic, Duration.ofSeconds(60)).forEach(p -> partitions.add(new TopicPartition(p.topic(), p.partition())));
      }
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      while (running.get()) {
        for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
          learn(record);
        }
      }
    } catch (WakeupException e) {
      // close() asked us to stop
    } catch (RuntimeException e) {
      LOG.error("The catalogue learner stopped: {}", e.toString(), e);
    } finally {
      consumer.close(Duration.ofSeconds(5));
    }
  }

  private void learn(ConsumerRecord<String, byte[]> record) {
    if (record.key() == null) {
      return;
    }
    try {
      if (record.topic().equals(Topics.CATALOGUE.name())) {
        CatalogueRecord published = Topics.CATALOGUE.serde().deserializer().deserialize(record.topic(), record.value());
        if (published == null) {
          tagger.forget(record.key());
          fingerprints.remove(record.key());
        } else {
          tagger.learn(record.key(), new TaggingInput(published.title(), published.description(), published.mainText()),
              new HashSet<>(published.skills()));
          fingerprints.put(record.key(), published.fingerprint());
        }
      } else {
        EnrichedResource enriched = Topics.ENRICHED.serde().deserializer().deserialize(record.topic(), record.value());
        if (enriched != null) {
          fingerprints.put(record.key(), enriched.fingerprint());
        }
      }
    } catch (RuntimeException e) {
      LOG.warn("Skipped unreadable record {}-{}@{}: {}", record.topic(), record.partition(), record.offset(), e.getMessage());
    }
  }

  @Override
  public void close() {
    running.set(false);
    consumer.wakeup();
    try {
      thread.join(Duration.ofSeconds(10));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
