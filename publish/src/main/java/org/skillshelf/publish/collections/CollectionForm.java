package org.skillshelf.publish.collections;

import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.skillshelf.events.Collection;
import org.skillshelf.publish.collections.CollectionDraft.StepDraft;
import org.skillshelf.web.html.Csrf;
import org.skillshelf.web.html.Html;

/**
 * The curators' collection form: rendering it from a draft, and reading a submitted one back into a
 * draft, with a step moved up or down or removed when one of the step buttons was pressed. Empty
 * step rows are left for adding resources; rows left empty are ignored.
 */
final class CollectionForm {
  private static final int EMPTY_ROWS = 3;

  private CollectionForm() {}

  static CollectionDraft draftOf(Collection c) {
    return new CollectionDraft(c.title(), c.description(), c.guestCurator(), c.guestCuratorBio(), c.kind().name(), c.level(),
        c.estimatedMinutes(), c.steps().stream().map(s -> new StepDraft(s.resourceId(), s.note())).toList());
  }

  /** The draft a submitted form describes, after the step button pressed (if any) has done its work. */
  static CollectionDraft read(Context ctx) {
    List<String> ids = ctx.formParams("resourceId");
    List<String> notes = ctx.formParams("note");
    List<StepDraft> steps = new ArrayList<>();
    for (int i = 0; i < ids.size(); i++) {
      String note = i < notes.size() ? notes.get(i) : null;
      if (!ids.get(i).isBlank() || (note != null && !note.isBlank())) {
        steps.add(new StepDraft(ids.get(i), note));
      }
    }
    String move = ctx.formParam("move");
    if (move != null) {
      steps = moved(steps, move);
    }
    return new CollectionDraft(ctx.formParam("title"), ctx.formParam("description"), ctx.formParam("guestCurator"),
        ctx.formParam("guestCuratorBio"), ctx.formParam("kind"), ctx.formParam("level"), minutes(ctx.formParam("estimatedMinutes")),
        steps);
  }

  /** Applies "up-3", "down-0" or "remove-2" to the steps; anything else leaves them as they are. */
  static List<StepDraft> moved(List<StepDraft> steps, String action) {
    String[] parts = action.split("-", 2);
    int at;
    try {
      at = parts.length == 2 ? Integer.parseInt(parts[1]) : -1;
    } catch (NumberFormatException e) {
      return steps;
    }
    if (at < 0 || at >= steps.size()) {
      return steps;
    }
    List<StepDraft> result = new ArrayList<>(steps);
    switch (parts[0]) {
      case "up" -> {
        if (at > 0) {
          result.add(at - 1, result.remove(at));
        }
      }
      case "down" -> {
        if (at + 1 < result.size()) {
          result.add(at + 1, result.remove(at));
        }
      }
      case "remove" -> result.remove(at);
      default -> { }
    }
    return result;
  }

  private static @Nullable Integer minutes(@Nullable String raw) {
    if (raw == null || raw.isBlank()) {
      return null;
    }
    try {
      return Integer.valueOf(raw.strip());
    } catch (NumberFormatException e) {
      // Out of range on purpose, so the rules explain what is allowed.
      return -1;
    }
  }

  /**
   * @param action where the form posts
   * @param titles the catalogue title of a resource id, when it is published
   */
  static String render(Context ctx, String action, CollectionDraft draft, Function<String, Optional<String>> titles) {
    StringBuilder html = new StringBuilder("<form method=\"post\" class=\"collection-form\" action=\"").append(Html.text(action))
        .append("\">").append(Csrf.field(ctx))
        .append(input("c-title", "title", "Title", draft.title(), CollectionRules.MAX_TITLE, true))
        .append(area("c-description", "description", "Description", draft.description(), CollectionRules.MAX_DESCRIPTION))
        .append(input("c-guest", "guestCurator", "Guest curator's name", draft.guestCurator(), CollectionRules.MAX_NAME, false))
        .append(area("c-bio", "guestCuratorBio", "Guest curator's short bio", draft.guestCuratorBio(), CollectionRules.MAX_BIO))
        .append(kindChoice(draft.kind())).append(levelChoice(draft.level()))
        .append("<p><label for=\"c-minutes\">Estimated time (minutes)</label> <input id=\"c-minutes\" name=\"estimatedMinutes\"")
        .append(" type=\"number\" min=\"1\" max=\"").append(CollectionRules.MAX_MINUTES).append("\" value=\"")
        .append(draft.estimatedMinutes() == null ? "" : draft.estimatedMinutes()).append("\"></p>")
        .append(steps(draft.steps() == null ? List.of() : draft.steps(), titles))
        .append("<p><button type=\"submit\">Save</button></p></form>");
    return html.toString();
  }

  private static String steps(List<StepDraft> steps, Function<String, Optional<String>> titles) {
    StringBuilder html = new StringBuilder("<fieldset><legend>Steps, in order</legend><ol class=\"steps\">");
    for (int i = 0; i < steps.size() + EMPTY_ROWS; i++) {
      StepDraft step = i < steps.size() ? steps.get(i) : new StepDraft(null, null);
      String n = String.valueOf(i + 1);
      html.append("<li><label for=\"step-").append(n).append("\">Resource id</label> <input id=\"step-").append(n)
          .append("\" name=\"resourceId\" maxlength=\"100\" value=\"").append(Html.text(step.resourceId())).append("\">");
      if (step.resourceId() != null && !step.resourceId().isBlank()) {
        html.append(" <span class=\"hint\">").append(Html.text(titles.apply(step.resourceId().strip())
            .orElse("not a published resource"))).append("</span>");
      }
      html.append("<br><label for=\"note-").append(n).append("\">Note</label> <input id=\"note-").append(n)
          .append("\" name=\"note\" size=\"60\" maxlength=\"").append(CollectionRules.MAX_NOTE).append("\" value=\"")
          .append(Html.text(step.note())).append("\">");
      if (i < steps.size()) {
        html.append(" <button type=\"submit\" name=\"move\" value=\"up-").append(i).append("\" aria-label=\"Move step ").append(n)
            .append(" up\">Up</button> <button type=\"submit\" name=\"move\" value=\"down-").append(i)
            .append("\" aria-label=\"Move step ").append(n).append(" down\">Down</button> <button type=\"submit\" name=\"move\" value=\"remove-")
            .append(i).append("\" aria-label=\"Remove step ").append(n).append("\">Remove</button>");
      }
      html.append("</li>");
    }
    return html.append("</ol></fieldset>").toString();
  }

  private static String input(String id, String name, String label, @Nullable String value, int max, boolean required) {
    return "<p><label for=\"" + id + "\">" + label + "</label><br><input id=\"" + id + "\" name=\"" + name + "\" size=\"60\" maxlength=\""
        + max + "\"" + (required ? " required" : "") + " value=\"" + Html.text(value) + "\"></p>";
  }

  private static String area(String id, String name, String label, @Nullable String value, int max) {
    return "<p><label for=\"" + id + "\">" + label + "</label><br><textarea id=\"" + id + "\" name=\"" + name + "\" rows=\"3\" cols=\"60\""
        + " maxlength=\"" + max + "\">" + Html.text(value) + "</textarea></p>";
  }

  private static String kindChoice(@Nullable String kind) {
    boolean path = Collection.Kind.LEARNING_PATH.name().equals(kind);
    return "<fieldset><legend>Kind</legend><label class=\"inline\"><input type=\"radio\" name=\"kind\" value=\"COLLECTION\""
        + (path ? "" : " checked") + "> Collection</label> <label class=\"inline\"><input type=\"radio\" name=\"kind\" value=\"LEARNING_PATH\""
        + (path ? " checked" : "") + "> Learning path (ordered)</label></fieldset>";
  }

  private static String levelChoice(@Nullable String level) {
    StringBuilder html = new StringBuilder("<p><label for=\"c-level\">Level</label> <select id=\"c-level\" name=\"level\">")
        .append("<option value=\"\">Not set</option>");
    for (String choice : CollectionRules.LEVELS) {
      html.append("<option value=\"").append(choice).append('"').append(choice.equals(level) ? " selected" : "").append('>')
          .append(choice).append("</option>");
    }
    return html.append("</select></p>").toString();
  }
}
