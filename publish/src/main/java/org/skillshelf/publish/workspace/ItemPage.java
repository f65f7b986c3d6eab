package org.skillshelf.publish.workspace;

import io.javalin.http.Context;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.skillshelf.events.CatalogueRecord;
import org.skillshelf.events.EnrichedResource;
import org.skillshelf.events.LikelyDuplicate;
import org.skillshelf.events.ResourceMetadata;
import org.skillshelf.events.SkillSuggestion;
import org.skillshelf.publish.review.ReviewItem;
import org.skillshelf.web.html.Csrf;
import org.skillshelf.web.html.Html;

/**
 * One resource for a curator: every field enrichment found, an excerpt, the suggested skills with
 * their evidence, duplicate and fetch warnings, the decision forms and the history.
 */
final class ItemPage {
  static final int EXCERPT = 800;
  static final List<String> LEVELS = List.of("beginner", "intermediate", "advanced");

  private ItemPage() {}

  /** Where the page sits in the queue, for the previous/next links the keyboard uses. */
  record Neighbours(@Nullable String previous, @Nullable String next) {}

  static String render(Context ctx, ReviewItem item, Neighbours around, List<ResourceHistory.Event> history, @Nullable String notice,
      @Nullable String problem) {
    EnrichedResource e = item.enriched();
    String title = e.metadata().title() != null ? e.metadata().title() : e.url();
    StringBuilder html = new StringBuilder();
    if (problem != null) {
      html.append("<p class=\"problem\" role=\"alert\">").append(Html.text(problem)).append("</p>");
    }
    if (notice != null) {
      html.append("<p class=\"notice\" role=\"status\">").append(Html.text(notice)).append("</p>");
    }
    html.append("<nav class=\"queue-steps\" aria-label=\"Queue\"><a href=\"/review\">Back to the queue</a>");
    if (around.previous() != null) {
      html.append(" <a rel=\"prev\" href=\"/review/").append(Html.param(around.previous())).append("\">Previous</a>");
    }
    if (around.next() != null) {
      html.append(" <a rel=\"next\" href=\"/review/").append(Html.param(around.next())).append("\">Next</a>");
    }
    html.append("</nav><h1>").append(Html.text(title)).append("</h1>").append(standing(item))
        .append(warnings(e)).append(fields(e)).append(excerpt(e.mainText())).append(Forms.forItem(ctx, item))
        .append(history(history));
    return html.toString();
  }

  private static String standing(ReviewItem item) {
    String state = item.state().name().toLowerCase(Locale.ROOT);
    StringBuilder html = new StringBuilder("<p class=\"standing\">Status: <strong>").append(state).append("</strong>");
    if (item.decidedBy() != null && !item.state().awaitsDecision()) {
      html.append(" by ").append(Html.text(item.decidedBy())).append(" at ").append(Html.text(String.valueOf(item.decidedAt())));
      if (item.reason() != null) {
        html.append(" — ").append(Html.text(item.reason()));
      }
    }
    return html.append(" (version ").append(item.version()).append(")</p>").toString();
  }

  private static String warnings(EnrichedResource e) {
    StringBuilder html = new StringBuilder();
    if (e.error() != null) {
      html.append("<div class=\"problem\" role=\"alert\"><p>Enrichment failed: ").append(Html.text(e.error().message()))
          .append(" <small>(").append(Html.text(e.error().code())).append(")</small></p><p>Re-enrich it once the site is back,")
          .append(" or reject it.</p></div>");
    }
    if (e.metadata().languageMismatch()) {
      html.append("<p class=\"warning\">The page says it is in ").append(Html.text(e.metadata().declaredLanguage()))
          .append(" but reads as ").append(Html.text(e.metadata().language())).append(".</p>");
    }
    if (!e.duplicates().isEmpty()) {
      html.append("<div class=\"warning\"><p>Likely duplicates:</p><ul>");
      for (LikelyDuplicate d : e.duplicates()) {
        html.append("<li><a href=\"/review/").append(Html.param(d.resourceId())).append("\">").append(Html.text(d.resourceId()))
            .append("</a> (").append(Math.round(d.similarity() * 100)).append("% similar)</li>");
      }
      html.append("</ul></div>");
    }
    return html.toString();
  }

  private static String fields(EnrichedResource e) {
    ResourceMetadata m = e.metadata();
    StringBuilder html = new StringBuilder("<h2>What enrichment found</h2><dl class=\"fields\">");
    field(html, "Address", "<a href=\"" + Html.href(e.url()) + "\" rel=\"noopener noreferrer\">" + Html.text(e.url()) + "</a>");
    if (e.finalUrl() != null && !e.finalUrl().equals(e.url())) {
      field(html, "Final address", Html.text(e.finalUrl()));
    }
    field(html, "Title", Html.text(m.title()));
    field(html, "Description", Html.text(m.description()));
    field(html, "Authors", Html.text(String.join(", ", m.authors())));
    field(html, "Site", Html.text(m.siteName()));
    field(html, "Language", Html.text(m.language()) + (m.declaredLanguage() == null ? "" : " (declared: " + Html.text(m.declaredLanguage()) + ")"));
    field(html, "Type", Html.text(m.type()));
    field(html, "Published", Html.text(m.publishedAt()));
    field(html, "Modified", Html.text(m.modifiedAt()));
    field(html, "Licence", Html.text(m.licence()));
    field(html, "Image", Html.text(m.image()));
    field(html, "Canonical address", Html.text(m.canonicalUrl()));
    field(html, "Reading time", m.readingTimeMinutes() == null ? "" : m.readingTimeMinutes() + " min");
    field(html, "Free to access", m.freeToAccess() == null ? "unknown" : m.freeToAccess() ? "yes" : "no");
    field(html, "Submitter's skills", Html.text(String.join(", ", e.submitterSkills())));
    field(html, "Enriched at", Html.text(e.at().toString()));
    if (e.fetch() != null) {
      var f = e.fetch();
      field(html, "Fetch", "HTTP " + f.status() + ", " + Html.text(f.contentType()) + ", " + f.bytes() + " bytes in " + f.millis() + " ms"
          + (f.redirects().isEmpty() ? "" : ", redirected via " + Html.text(String.join(" → ", f.redirects()))));
    }
    return html.append("</dl>").toString();
  }

  private static void field(StringBuilder html, String name, String valueHtml) {
    html.append("<dt>").append(name).append("</dt><dd>").append(valueHtml.isEmpty() ? "—" : valueHtml).append("</dd>");
  }

  private static String excerpt(String text) {
    String shown = text.length() > EXCERPT ? text.substring(0, EXCERPT) + " …" : text;
    return "<h2>Text excerpt</h2><blockquote class=\"excerpt\">" + (shown.isBlank() ? "No text was extracted." : Html.text(shown))
        + "</blockquote>";
  }

  /** The skills the form offers: the suggestions with their evidence, then the submitter's and the published ones. */
  static String skillChoices(EnrichedResource e, @Nullable CatalogueRecord published) {
    Set<String> chosen = new HashSet<>(published != null ? published.skills()
        : e.suggestedSkills().stream().map(SkillSuggestion::id).toList());
    Set<String> offered = new HashSet<>();
    StringBuilder html = new StringBuilder("<fieldset class=\"skills\"><legend>Skills (untick to drop)</legend><ul>");
    for (SkillSuggestion s : e.suggestedSkills()) {
      offered.add(s.id());
      html.append("<li><label><input type=\"checkbox\" name=\"skill\" value=\"").append(Html.text(s.id())).append('"')
          .append(chosen.contains(s.id()) ? " checked" : "").append("> ").append(Html.text(s.label())).append(" <small>(")
          .append(Html.text(s.id())).append(", score ").append(String.format(Locale.ROOT, "%.2f", s.score())).append(")</small></label>");
      if (!s.evidence().isEmpty()) {
        html.append("<br><small>Evidence: ").append(Html.text(String.join("; ", s.evidence()))).append("</small>");
      }
      html.append("</li>");
    }
    for (String id : published != null ? published.skills() : e.submitterSkills()) {
      if (offered.add(id)) {
        html.append("<li><label><input type=\"checkbox\" name=\"skill\" value=\"").append(Html.text(id)).append("\" checked> ")
            .append(Html.text(id)).append("</label></li>");
      }
    }
    return html.append("</ul><input type=\"hidden\" name=\"skillsShown\" value=\"1\">")
        .append("<p><label for=\"extra-skills\">Other skill ids (comma-separated)</label> <input id=\"extra-skills\" name=\"extraSkills\"></p>")
        .append("</fieldset>").toString();
  }

  private static String history(List<ResourceHistory.Event> events) {
    StringBuilder html = new StringBuilder("<h2>History</h2><ol class=\"history\">");
    for (ResourceHistory.Event event : events) {
      html.append("<li>").append(Html.text(event.event().toLowerCase(Locale.ROOT).replace('_', ' ')));
      if (event.by() != null) {
        html.append(" by ").append(Html.text(event.by()));
      }
      html.append(" at ").append(Html.text(event.at().toString()));
      if (event.detail() != null) {
        html.append(", ").append(Html.text(event.detail()));
      }
      if (event.reason() != null) {
        html.append(": ").append(Html.text(event.reason()));
      }
      html.append("</li>");
    }
    return html.append("</ol>").toString();
  }

}
