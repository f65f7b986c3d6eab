package org.skillshelf.publish.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.skillshelf.events.EnrichedResource;
import org.skillshelf.events.EnrichedResource.EnrichmentStatus;
import org.skillshelf.events.LikelyDuplicate;
import org.skillshelf.events.Problem;
import org.skillshelf.events.ResourceMetadata;
import org.skillshelf.events.SkillSuggestion;
import org.skillshelf.publish.review.ReviewItem;

/** The review queue's filters and orders, on a small queue given oldest first as the desk lists it. */
class QueueFilterTest {
  private static final Instant NOON = Instant.parse("2026-03-02T12:00:00Z");
  private static final QueueFilter EVERYTHING = new QueueFilter(null, null, null, false, false, false);

  private final List<ReviewItem> oldestFirst = List.of(
      item("video-en", "video", "en", "version-control", false, false, 0),
      item("course-de", "course", "de", "metadata", true, false, 1),
      item("failed", null, null, null, false, true, 2),
      item("course-en", "course", "en", "version-control", false, false, 3));

  private static ReviewItem item(String id, @Nullable String type, @Nullable String language, @Nullable String skill,
      boolean duplicate, boolean failed, int minutesAfterNoon) {
    var metadata = new ResourceMetadata(id, null, List.of(), null, language, null, null, null, null, null, null, type, null, null);
    var enriched = new EnrichedResource(EnrichedResource.VERSION, id, "https://example.org/" + id, null,
        failed ? EnrichmentStatus.FAILED : EnrichmentStatus.ENRICHED, metadata, "", 0L,
        skill == null ? List.of() : List.of(new SkillSuggestion(skill, skill, 0.7, List.of("evidence"))), List.of(),
        duplicate ? List.of(new LikelyDuplicate("other", 0.95)) : List.of(), null,
        failed ? new Problem("TIMEOUT", "The site did not answer in time.") : null, null, NOON.plus(Duration.ofMinutes(minutesAfterNoon)));
    return ReviewItem.arrived(enriched, null);
  }

  private static List<String> ids(List<ReviewItem> items) {
    return items.stream().map(ReviewItem::resourceId).toList();
  }

  @Test
  void noFilterKeepsTheQueueOldestFirst() {
    assertThat(ids(EVERYTHING.apply(oldestFirst))).containsExactly("video-en", "course-de", "failed", "course-en");
  }

  @Test
  void newestFirstReversesTheAge() {
    var newest = new QueueFilter(null, null, null, false, false, true);
    assertThat(ids(newest.apply(oldestFirst))).containsExactly("course-en", "failed", "course-de", "video-en");
  }

  @Test
  void keepsOneType() {
    assertThat(ids(new QueueFilter("course", null, null, false, false, false).apply(oldestFirst))).containsExactly("course-de", "course-en");
  }

  @Test
  void keepsOneLanguage() {
    assertThat(ids(new QueueFilter(null, "en", null, false, false, false).apply(oldestFirst))).containsExactly("video-en", "course-en");
  }

  @Test
  void keepsOneSuggestedSkill() {
    assertThat(ids(new QueueFilter(null, null, "metadata", false, false, false).apply(oldestFirst))).containsExactly("course-de");
  }

  @Test
  void keepsOnlyThoseWithLikelyDuplicates() {
    assertThat(ids(new QueueFilter(null, null, null, true, false, false).apply(oldestFirst))).containsExactly("course-de");
  }

  @Test
  void keepsOnlyFailedEnrichments() {
    assertThat(ids(new QueueFilter(null, null, null, false, true, false).apply(oldestFirst))).containsExactly("failed");
  }

  @Test
  void filtersCombine() {
    var filter = new QueueFilter("course", "en", "version-control", false, false, true);
    assertThat(ids(filter.apply(oldestFirst))).containsExactly("course-en");
  }

  @Test
  void aSkillNoItemSuggestsLeavesNothing() {
    assertThat(new QueueFilter(null, null, "astronomy", false, false, false).apply(oldestFirst)).isEmpty();
  }

  @Test
  void theQueryStringShowsTheSameFilterAgainWithValuesEncoded() {
    var filter = new QueueFilter("course", "en", "a&b", true, true, true);
    assertThat(filter.query()).isEqualTo("?type=course&language=en&skill=a%26b&duplicates=1&failed=1&sort=newest");
    assertThat(EVERYTHING.query()).isEmpty();
  }

  @Test
  void theMenusOfferEachValueOnceInOrder() {
    assertThat(QueueFilter.choices(oldestFirst, i -> i.enriched().metadata().type())).containsExactly("course", "video");
  }

  @Test
  void theWaitIsShownInMinutesHoursOrDays() {
    assertThat(QueuePage.age(Duration.ofMinutes(59))).isEqualTo("59 min");
    assertThat(QueuePage.age(Duration.ofHours(47))).isEqualTo("47 h");
    assertThat(QueuePage.age(Duration.ofDays(3))).isEqualTo("3 days");
    assertThat(QueuePage.age(Duration.ofMinutes(-5))).as("clock skew").isEqualTo("0 min");
  }
}
