package org.skillshelf.publish.workspace;

import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.skillshelf.events.ResourceMetadata;
import org.skillshelf.events.SkillSuggestion;
import org.skillshelf.publish.review.ReviewItem;
import org.skillshelf.publish.review.ReviewState;
import org.skillshelf.web.html.Html;

/**
 * What a curator asked the queue page to show: by type, language, suggested skill, only those with
 * likely duplicates, only failed enrichments, oldest or newest first.
 */
record QueueFilter(@Nullable String type, @Nullable String language, @Nullable String skill, boolean duplicates,
    boolean failed, boolean newestFirst) {

  static QueueFilter of(Context ctx) {
    return new QueueFilter(blankToNull(ctx.queryParam("type")), blankToNull(ctx.queryParam("language")),
        blankToNull(ctx.queryParam("skill")), "1".equals(ctx.queryParam("duplicates")), "1".equals(ctx.queryParam("failed")),
        "newest".equals(ctx.queryParam("sort")));
  }

  /** The waiting items this filter keeps, in the order asked for (the input is oldest first). */
  List<ReviewItem> apply(List<ReviewItem> oldestFirst) {
    List<ReviewItem> kept = new ArrayList<>(oldestFirst.stream().filter(this::keeps).toList());
    if (newestFirst) {
      kept.sort(Comparator.comparing((ReviewItem i) -> i.enriched().at()).reversed());
    }
    return kept;
  }

  boolean keeps(ReviewItem item) {
    ResourceMetadata m = item.enriched().metadata();
    return (type == null || type.equals(m.type()))
        && (language == null || language.equals(m.language()))
        && (skill == null || item.enriched().suggestedSkills().stream().map(SkillSuggestion::id).anyMatch(skill::equals))
        && (!duplicates || !item.enriched().duplicates().isEmpty())
        && (!failed || item.state() == ReviewState.FAILED);
  }

  /** The query string that shows this filter again, starting with {@code ?} (or empty). */
  String query() {
    List<String> parts = new ArrayList<>();
    add(parts, "type", type);
    add(parts, "language", language);
    add(parts, "skill", skill);
    add(parts, "duplicates", duplicates ? "1" : null);
    add(parts, "failed", failed ? "1" : null);
    add(parts, "sort", newestFirst ? "newest" : null);
    return parts.isEmpty() ? "" : "?" + String.join("&", parts);
  }

  private static void add(List<String> parts, String name, @Nullable String value) {
    if (value != null) {
      parts.add(name + "=" + Html.param(value));
    }
  }

  private static @Nullable String blankToNull(@Nullable String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }

  /** The distinct non-null values of one attribute across the queue, sorted, for the filter menus. */
  static List<String> choices(List<ReviewItem> items, java.util.function.Function<ReviewItem, @Nullable String> attribute) {
    return items.stream().map(attribute).filter(Objects::nonNull).distinct().sorted().toList();
  }
}
