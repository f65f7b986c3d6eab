package org.skillshelf.publish.workspace;

import io.javalin.http.Context;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.skillshelf.events.SkillSuggestion;
import org.skillshelf.publish.review.ReviewItem;
import org.skillshelf.publish.review.ReviewState;
import org.skillshelf.web.html.Csrf;
import org.skillshelf.web.html.Html;

/** The review queue page: a filter form, then the waiting items as a table inside one bulk-decision form. */
final class QueuePage {
  private QueuePage() {}

  static String render(Context ctx, List<ReviewItem> all, QueueFilter filter, Instant now, @Nullable String notice) {
    List<ReviewItem> shown = filter.apply(all);
    StringBuilder html = new StringBuilder("<h1>Review queue</h1>");
    if (notice != null) {
      html.append("<p class=\"notice\" role=\"status\">").append(Html.text(notice)).append("</p>");
    }
    html.append(filterForm(all, filter));
    html.append("<p>").append(shown.size()).append(" of ").append(all.size())
        .append(" waiting. Keys: <kbd>j</kbd>/<kbd>k</kbd> move, <kbd>Enter</kbd> opens, <kbd>x</kbd> selects.</p>");
    if (shown.isEmpty()) {
      return html.append("<p>Nothing waits for review here.</p>").toString();
    }
    html.append("<form method=\"post\" action=\"/review/bulk\" class=\"bulk\">").append(Csrf.field(ctx))
        .append("<table class=\"queue\"><caption>Waiting resources</caption><thead><tr><th scope=\"col\">Select</th>")
        .append("<th scope=\"col\">Title</th><th scope=\"col\">Type</th><th scope=\"col\">Language</th>")
        .append("<th scope=\"col\">Suggested skills</th><th scope=\"col\">Warnings</th><th scope=\"col\">Waiting</th></tr></thead><tbody>");
    for (ReviewItem item : shown) {
      html.append(row(item, now));
    }
    html.append("</tbody></table>")
        .append("<fieldset><legend>Decide the selected resources</legend>")
        .append("<p><label for=\"bulk-reason\">Reason (needed to reject)</label> <input id=\"bulk-reason\" name=\"reason\" maxlength=\"500\"></p>")
        .append("<button type=\"submit\" name=\"action\" value=\"approve\">Approve selected</button> ")
        .append("<button type=\"submit\" name=\"action\" value=\"reject\">Reject selected</button></fieldset></form>");
    return html.toString();
  }

  private static String row(ReviewItem item, Instant now) {
    var e = item.enriched();
    String title = e.metadata().title() != null ? e.metadata().title() : e.url();
    String id = item.resourceId();
    String skills = e.suggestedSkills().stream().limit(3).map(SkillSuggestion::label).collect(Collectors.joining(", "));
    StringBuilder warnings = new StringBuilder();
    if (item.state() == ReviewState.FAILED) {
      warnings.append("<span class=\"tag failed\">enrichment failed</span> ");
    }
    if (!e.duplicates().isEmpty()) {
      warnings.append("<span class=\"tag dupe\">").append(e.duplicates().size()).append(" likely duplicate(s)</span>");
    }
    return "<tr data-queue-item>"
        + "<td><input type=\"checkbox\" name=\"id\" value=\"" + Html.text(id) + "\" aria-label=\"Select " + Html.text(title) + "\"></td>"
        + "<td><a href=\"/review/" + Html.param(id) + "\">" + Html.text(title) + "</a></td>"
        + "<td>" + Html.text(e.metadata().type()) + "</td>"
        + "<td>" + Html.text(e.metadata().language()) + "</td>"
        + "<td>" + Html.text(skills) + "</td>"
        + "<td>" + warnings + "</td>"
        + "<td>" + Html.text(age(Duration.between(e.at(), now))) + "</td></tr>";
  }

  private static String filterForm(List<ReviewItem> all, QueueFilter filter) {
    return "<form method=\"get\" action=\"/review\" class=\"filters\"><fieldset><legend>Filter</legend>"
        + select("type", "Type", QueueFilter.choices(all, i -> i.enriched().metadata().type()), filter.type())
        + select("language", "Language", QueueFilter.choices(all, i -> i.enriched().metadata().language()), filter.language())
        + select("skill", "Suggested skill", all.stream().flatMap(i -> i.enriched().suggestedSkills().stream())
            .map(SkillSuggestion::id).distinct().sorted().toList(), filter.skill())
        + checkbox("duplicates", "Has likely duplicates", filter.duplicates())
        + checkbox("failed", "Enrichment failed", filter.failed())
        + "<label for=\"f-sort\">Order</label> <select id=\"f-sort\" name=\"sort\">"
        + "<option value=\"oldest\"" + (filter.newestFirst() ? "" : " selected") + ">Oldest first</option>"
        + "<option value=\"newest\"" + (filter.newestFirst() ? " selected" : "") + ">Newest first</option></select> "
        + "<button type=\"submit\">Show</button></fieldset></form>";
  }

  private static String select(String name, String label, List<String> choices, @Nullable String chosen) {
    StringBuilder html = new StringBuilder("<label for=\"f-" + name + "\">" + label + "</label> <select id=\"f-" + name
        + "\" name=\"" + name + "\"><option value=\"\">Any</option>");
    for (String choice : choices) {
      html.append("<option value=\"").append(Html.text(choice)).append('"').append(choice.equals(chosen) ? " selected" : "")
          .append('>').append(Html.text(choice)).append("</option>");
    }
    return html.append("</select> ").toString();
  }

  private static String checkbox(String name, String label, boolean checked) {
    return "<label><input type=\"checkbox\" name=\"" + name + "\" value=\"1\"" + (checked ? " checked" : "") + "> " + label + "</label> ";
  }

  static String age(Duration waited) {
    long minutes = Math.max(0, waited.toMinutes());
    if (minutes < 60) {
      return minutes + " min";
    }
    return minutes < 48 * 60 ? (minutes / 60) + " h" : (minutes / (24 * 60)) + " days";
  }
}
