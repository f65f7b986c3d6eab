package org.skillshelf.enrich.knowledge;

import io.micrometer.core.instrument.MeterRegistry;
import java.util.HashSet;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.skillshelf.enrich.tagging.SkillTagger;
import org.skillshelf.enrich.tagging.TaggingInput;
import org.skillshelf.events.CatalogueRecord;
import org.skillshelf.events.EnrichedResource;
import org.skillshelf.kafka.KafkaClients;
import org.skillshelf.kafka.TopicReplica;
import org.skillshelf.kafka.Topics;

/**
 * Reads the catalogue and enriched topics from the beginning and keeps learning from them: every
 * published record teaches the tagger its curator-approved skills, every enriched or published text
 * adds a fingerprint for near-duplicate detection. Reading from the start on every boot is how the
 * tagger's state is rebuilt from topics.
 */
public final class CatalogueLearner implements AutoCloseable {
  private final SkillTagger tagger;
  private final Fingerprints fingerprints;
  private final TopicReplica replica;

  public CatalogueLearner(SkillTagger tagger, Fingerprints fingerprints, KafkaClients clients, MeterRegistry registry) {
    this.tagger = tagger;
    this.fingerprints = fingerprints;
    this.replica = new TopicReplica("enrich-learner", List.of(Topics.CATALOGUE.name(), Topics.ENRICHED.name()), clients, registry,
        this::learn);
  }

  public void start() {
    replica.start();
  }

  private void learn(ConsumerRecord<String, byte[]> record) {
    if (record.key() == null) {
      return;
    }
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
  }

  @Override
  public void close() {
    replica.close();
  }
}
