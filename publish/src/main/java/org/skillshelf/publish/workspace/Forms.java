package org.skillshelf.publish.workspace;

import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.skillshelf.events.CatalogueRecord;
import org.skillshelf.events.EnrichedResource;
import org.skillshelf.events.ReviewDecision.Edits;
import org.skillshelf.publish.review.ReviewItem;
import org.skillshelf.publish.review.ReviewState;
import org.skillshelf.web.html.Csrf;
import org.skillshelf.web.html.Html;

/** The decision forms of the detail page, and reading a curator's edits back from a submitted form. */
final class Forms {
  private Forms() {}

  static String forItem(Context ctx, ReviewItem item) {
    String base = "/review/" + Html.param(item.resourceId());
    String version = "<input type=\"hidden\" name=\"expectedVersion\" value=\"" + item.version() + "\">";
    StringBuilder html = new StringBuilder("<h2>Decide</h2>");
    EnrichedResource e = item.enriched();
    if (item.state().awaitsDecision()) {
      html.append("<form method=\"post\" id=\"approve-form\" class=\"decision\" action=\"").append(base).append("/approve\">")
          .append(Csrf.field(ctx)).append(version)
          .append(editFields(e.metadata().title(), e.metadata().description(), e.metadata().type(), null))
          .append(ItemPage.skillChoices(e, null))
          .append("<p><button type=\"submit\">Approve and publish</button> <kbd>a</kbd></p></form>")
          .append("<form method=\"post\" id=\"reject-form\" class=\"decision\" action=\"").append(base).append("/reject\">")
          .append(Csrf.field(ctx)).append(version)
          .append("<p><label for=\"reject-reason\">Reason for rejecting</label><br><input id=\"reject-reason\" name=\"reason\"")
          .append(" required maxlength=\"500\" size=\"60\"></p>")
          .append("<p><button type=\"submit\">Reject</button> <kbd>r</kbd></p></form>");
    } else if (item.state() == ReviewState.APPROVED && item.published() != null) {
      CatalogueRecord p = item.published();
      html.append("<p>Published. Editing republishes the record; withdrawing removes it from the catalogue.</p>")
          .append("<form method=\"post\" id=\"edit-form\" class=\"decision\" action=\"").append(base).append("/edit\">")
          .append(Csrf.field(ctx)).append(version).append(editFields(p.title(), p.description(), p.type(), p.level()))
          .append(ItemPage.skillChoices(e, p)).append("<p><button type=\"submit\">Save and republish</button></p></form>")
          .append("<form method=\"post\" id=\"withdraw-form\" class=\"decision\" action=\"").append(base).append("/withdraw\">")
          .append(Csrf.field(ctx)).append(version)
          .append("<p><label for=\"withdraw-reason\">Reason for withdrawing</label><br><textarea id=\"withdraw-reason\" name=\"reason\"")
          .append(" required maxlength=\"500\" rows=\"2\"></textarea></p><p><button type=\"submit\">Withdraw</button></p></form>");
    } else {
      html.append("<p>Nothing to decide: this resource is ").append(item.state().name().toLowerCase(java.util.Locale.ROOT)).append(".</p>");
    }
    html.append("<form method=\"post\" class=\"decision\" action=\"").append(base).append("/reenrich\">").append(Csrf.field(ctx))
        .append("<p><button type=\"submit\">Enrich again</button> (fetches and analyses the page anew)</p></form>");
    return html.toString();
  }

  private static String editFields(@Nullable String title, @Nullable String description, @Nullable String type, @Nullable String level) {
    StringBuilder html = new StringBuilder()
        .append("<p><label for=\"edit-title\">Title</label><br><input id=\"edit-title\" name=\"title\" maxlength=\"300\" value=\"")
        .append(Html.text(title)).append("\"></p>")
        .append("<p><label for=\"edit-description\">Description</label><br><textarea id=\"edit-description\" name=\"description\"")
        .append(" maxlength=\"2000\" rows=\"3\">").append(Html.text(description)).append("</textarea></p>")
        .append("<p><label for=\"edit-type\">Type</label> <input id=\"edit-type\" name=\"type\" maxlength=\"40\" value=\"")
        .append(Html.text(type)).append("\"> <label for=\"edit-level\">Level</label> <select id=\"edit-level\" name=\"level\">")
        .append("<option value=\"\">Not set</option>");
    for (String choice : ItemPage.LEVELS) {
      html.append("<option value=\"").append(choice).append('"').append(choice.equals(level) ? " selected" : "").append('>')
          .append(choice).append("</option>");
    }
    return html.append("</select></p>").toString();
  }

  /** The edits a submitted approve or edit form asks for; blank fields keep what enrichment found. */
  static Edits edits(Context ctx) {
    List<String> skills = null;
    if (ctx.formParam("skillsShown") != null) {
      Set<String> chosen = new LinkedHashSet<>(ctx.formParams("skill"));
      String extra = ctx.formParam("extraSkills");
      if (extra != null) {
        for (String id : extra.split(",")) {
          if (!id.isBlank()) {
            chosen.add(id.strip());
          }
        }
      }
      skills = new ArrayList<>(chosen);
    }
    return new Edits(blankToNull(ctx.formParam("title")), blankToNull(ctx.formParam("description")), skills,
        blankToNull(ctx.formParam("type")), blankToNull(ctx.formParam("level")), null);
  }

  static @Nullable Long expectedVersion(Context ctx) {
    String raw = ctx.formParam("expectedVersion");
    try {
      return raw == null || raw.isBlank() ? null : Long.parseLong(raw.strip());
    } catch (NumberFormatException e) {
      return null;
    }
  }

  static @Nullable String blankToNull(@Nullable String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }
}
