package org.skillshelf.kafka;

import java.util.List;
import java.util.Map;
import org.apache.kafka.common.config.TopicConfig;
import org.skillshelf.events.BrokenLinkDismissal;
import org.skillshelf.events.BrokenLinkReport;
import org.skillshelf.events.CatalogueRecord;
import org.skillshelf.events.Collection;
import org.skillshelf.events.EnrichedResource;
import org.skillshelf.events.EnrichmentRequest;
import org.skillshelf.events.LinkHealth;
import org.skillshelf.events.ReviewDecision;
import org.skillshelf.events.SubmissionReceived;

/**
 * Every topic Skillshelf owns, declared once. Kafka is the system of record, so the event logs keep
 * their records forever and the state topics are compacted: any read model can be rebuilt from
 * them.
 */
public final class Topics {
  private static final String FOREVER = "-1";

  /** Every suggestion ever made, in order per resource. */
  public static final Topic<SubmissionReceived> SUBMISSIONS =
      new Topic<>("skillshelf.submissions", EventSerde.of(SubmissionReceived.class, SubmissionReceived.VERSION), 6,
          Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_DELETE,
              TopicConfig.RETENTION_MS_CONFIG, FOREVER));

  /** Work for enrich: a resource's first suggestion, or a re-enrichment. */
  public static final Topic<EnrichmentRequest> ENRICHMENT_REQUESTS =
      new Topic<>("skillshelf.enrichment-requests", EventSerde.of(EnrichmentRequest.class, EnrichmentRequest.VERSION), 6,
          Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_DELETE,
              TopicConfig.RETENTION_MS_CONFIG, FOREVER));

  /** The latest enrichment of each resource. */
  public static final Topic<EnrichedResource> ENRICHED =
      new Topic<>("skillshelf.enriched", EventSerde.of(EnrichedResource.class, EnrichedResource.VERSION), 6,
          Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT,
              TopicConfig.MAX_MESSAGE_BYTES_CONFIG, String.valueOf(2 * 1024 * 1024)));

  /** Every curator decision, kept forever as the audit trail. */
  public static final Topic<ReviewDecision> DECISIONS =
      new Topic<>("skillshelf.decisions", EventSerde.of(ReviewDecision.class, ReviewDecision.VERSION), 6,
          Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_DELETE,
              TopicConfig.RETENTION_MS_CONFIG, FOREVER));

  /** The published catalogue; a withdrawal is a tombstone. */
  public static final Topic<CatalogueRecord> CATALOGUE =
      new Topic<>("skillshelf.catalogue", EventSerde.of(CatalogueRecord.class, CatalogueRecord.VERSION), 6,
          Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT,
              TopicConfig.MAX_MESSAGE_BYTES_CONFIG, String.valueOf(2 * 1024 * 1024)));

  /** The current health of each catalogue link. */
  public static final Topic<LinkHealth> LINK_HEALTH =
      new Topic<>("skillshelf.link-health", EventSerde.of(LinkHealth.class, LinkHealth.VERSION), 6,
          Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT));

  /** Readers' reports of links that do not work, for curators; kept a year. */
  public static final Topic<BrokenLinkReport> LINK_REPORTS =
      new Topic<>("skillshelf.link-reports", EventSerde.of(BrokenLinkReport.class, BrokenLinkReport.VERSION), 6,
          Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_DELETE,
              TopicConfig.RETENTION_MS_CONFIG, String.valueOf(365L * 24 * 3600 * 1000)));

  /** Curated collections and learning paths, keyed by collection id; deleting one is a tombstone. */
  public static final Topic<Collection> COLLECTIONS =
      new Topic<>("skillshelf.collections", EventSerde.of(Collection.class, Collection.VERSION), 3,
          Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT));

  /** Curators' dismissals of broken-link queue entries; only the latest per record matters. */
  public static final Topic<BrokenLinkDismissal> LINK_DISMISSALS =
      new Topic<>("skillshelf.link-dismissals", EventSerde.of(BrokenLinkDismissal.class, BrokenLinkDismissal.VERSION), 6,
          Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT));

  /** Records no stage could read, with the reason and source offset in their headers. */
  public static final String DEAD_LETTERS = "skillshelf.dead-letters";

  private Topics() {}

  public static List<Topic<?>> all() {
    return List.of(SUBMISSIONS, ENRICHMENT_REQUESTS, ENRICHED, DECISIONS, CATALOGUE,
        LINK_HEALTH, LINK_REPORTS, LINK_DISMISSALS, COLLECTIONS);
  }
}
