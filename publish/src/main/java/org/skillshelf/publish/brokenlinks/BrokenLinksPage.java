package org.skillshelf.publish.brokenlinks;

import io.javalin.http.Context;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.skillshelf.web.html.Csrf;
import org.skillshelf.web.html.Html;

/** The broken-links page: one row per entry, each with its replace, withdraw and dismiss forms. */
final class BrokenLinksPage {
  private BrokenLinksPage() {}

  static String render(Context ctx, List<BrokenLink> open, Instant now, @Nullable String notice, @Nullable String problem) {
    StringBuilder html = new StringBuilder("<h1>Broken links</h1>");
    if (notice != null) {
      html.append("<p class=\"notice\" role=\"status\">").append(Html.text(notice)).append("</p>");
    }
    if (problem != null) {
      html.append("<p class=\"problem\" role=\"alert\">").append(Html.text(problem)).append("</p>");
    }
    html.append("<p>Records whose link checking found BROKEN, and records readers reported. ")
        .append(open.size()).append(open.size() == 1 ? " needs" : " need").append(" a look.</p>");
    if (open.isEmpty()) {
      return html.append("<p>No broken or reported links.</p>").toString();
    }
    html.append("<table class=\"queue broken-links\"><caption>Broken and reported links</caption><thead><tr>")
        .append("<th scope=\"col\">Record</th><th scope=\"col\">Why</th><th scope=\"col\">Waiting</th>")
        .append("<th scope=\"col\">Actions</th></tr></thead><tbody>");
    for (BrokenLink entry : open) {
      html.append(row(ctx, entry, now));
    }
    return html.append("</tbody></table>").toString();
  }

  private static String row(Context ctx, BrokenLink e, Instant now) {
    String id = e.resourceId();
    String action = "/review/broken-links/" + Html.param(id) + "/";
    return "<tr id=\"entry-" + Html.text(id) + "\"><td><a href=\"/review/" + Html.param(id) + "\">" + Html.text(e.title()) + "</a><br>"
        + "<a class=\"url\" href=\"" + Html.href(e.url()) + "\" rel=\"noopener noreferrer nofollow\">" + Html.text(e.url()) + "</a></td>"
        + "<td>" + why(e) + "</td>"
        + "<td>" + Html.text(age(Duration.between(e.since(), now))) + "</td>"
        + "<td>"
        + form(ctx, action + "replace", "Replace the link",
            "<label for=\"url-" + Html.text(id) + "\">New link</label> <input id=\"url-" + Html.text(id)
                + "\" name=\"url\" type=\"url\" required maxlength=\"2048\" value=\"" + Html.text(e.url()) + "\">")
        + form(ctx, action + "withdraw", "Withdraw",
            "<label for=\"reason-" + Html.text(id) + "\">Reason</label> <input id=\"reason-" + Html.text(id)
                + "\" name=\"reason\" required maxlength=\"500\">")
        + form(ctx, action + "dismiss", "Dismiss",
            "<label for=\"note-" + Html.text(id) + "\">Note (optional)</label> <input id=\"note-" + Html.text(id)
                + "\" name=\"note\" maxlength=\"1000\">")
        + "</td></tr>";
  }

  private static String why(BrokenLink e) {
    StringBuilder why = new StringBuilder();
    if (e.broken()) {
      why.append("<span class=\"tag failed\">BROKEN</span> ").append(Html.text(e.lastOutcome()));
      if (e.lastDetail() != null) {
        why.append(": ").append(Html.text(e.lastDetail()));
      }
    } else {
      why.append("Link state ").append(Html.text(e.linkState()));
    }
    if (e.reports() > 0) {
      why.append("<br><span class=\"tag dupe\">").append(e.reports()).append(e.reports() == 1 ? " report" : " reports").append("</span>");
      for (String note : e.notes()) {
        why.append("<blockquote>").append(Html.text(note)).append("</blockquote>");
      }
    }
    return why.toString();
  }

  private static String form(Context ctx, String action, String button, String fields) {
    return "<form method=\"post\" action=\"" + Html.text(action) + "\" class=\"inline\">" + Csrf.field(ctx) + fields
        + " <button type=\"submit\">" + Html.text(button) + "</button></form>";
  }

  static String age(Duration waited) {
    long minutes = Math.max(0, waited.toMinutes());
    if (minutes < 60) {
      return minutes + " min";
    }
    return minutes < 48 * 60 ? (minutes / 60) + " h" : (minutes / (24 * 60)) + " days";
  }
}
