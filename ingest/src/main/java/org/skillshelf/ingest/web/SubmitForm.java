package org.skillshelf.ingest.web;

import io.javalin.http.Context;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.skillshelf.taxonomy.Skill;
import org.skillshelf.taxonomy.Taxonomy;
import org.skillshelf.web.html.Csrf;
import org.skillshelf.web.html.Html;

/**
 * The suggestion form as the person filled it in, and its HTML: each error sits next to its field,
 * is tied to it with {@code aria-describedby}, and the first one gets the focus. Values typed are
 * kept when the form comes back with an error.
 */
record SubmitForm(String url, String note, List<String> skills, String name, String email, String website) {
  static final SubmitForm EMPTY = new SubmitForm("", "", List.of(), "", "", "");

  SubmitForm {
    skills = List.copyOf(skills);
  }

  static SubmitForm from(Context ctx) {
    return new SubmitForm(param(ctx, "url"), param(ctx, "note"),
        ctx.formParams("skills").stream().filter(s -> !s.isBlank()).distinct().toList(),
        param(ctx, "name"), param(ctx, "email"), param(ctx, "website"));
  }

  private static String param(Context ctx, String name) {
    String value = ctx.formParam(name);
    return value == null ? "" : value;
  }

  static @Nullable String orNull(String value) {
    return value.isBlank() ? null : value;
  }

  /** An error about one field ({@code url}, {@code skills}) or, with field {@code form}, the whole form. */
  record Problem(String field, String message) {}

  String html(Context ctx, Taxonomy taxonomy, @Nullable Problem problem) {
    return """
        <h1>Suggest a resource</h1>
        <p>Know a free resource that helps library staff learn a digital skill? Suggest it here; a curator reviews every suggestion.</p>
        %s
        <form method="post" action="/submit" class="submit-form" novalidate>
        %s
        <label for="url">Address of the resource (required)</label>
        %s
        <input type="url" id="url" name="url" required maxlength="2048" autocomplete="url" value="%s"%s>
        <label for="note">Why is it useful? (optional)</label>
        <textarea id="note" name="note" rows="4" maxlength="2000">%s</textarea>
        <label for="skills">Skills it helps to learn (optional)</label>
        <p class="hint" id="skills-hint">Choose any number; hold Ctrl (or Cmd) to choose more than one.</p>
        %s
        <select id="skills" name="skills" multiple size="8"%s>
        %s
        </select>
        <fieldset>
        <legend>About you (optional)</legend>
        <label for="name">Your name</label>
        <input type="text" id="name" name="name" maxlength="200" autocomplete="name" value="%s">
        <label for="email">Your email, if a curator may ask you about it</label>
        <input type="email" id="email" name="email" maxlength="200" autocomplete="email" value="%s">
        </fieldset>
        <div class="honeypot" aria-hidden="true">
        <label for="website">Leave this field empty</label>
        <input type="text" id="website" name="website" tabindex="-1" autocomplete="off" value="">
        </div>
        <button type="submit">Suggest this resource</button>
        </form>
        """.formatted(formError(problem), Csrf.field(ctx), fieldError("url", problem), Html.text(url),
        invalid("url", problem, ""), Html.text(note), fieldError("skills", problem),
        invalid("skills", problem, "skills-hint"), options(taxonomy), Html.text(name), Html.text(email));
  }

  private static String formError(@Nullable Problem problem) {
    if (problem == null || !problem.field().equals("form")) {
      return "";
    }
    return "<p class=\"error\" role=\"alert\" id=\"form-error\">" + Html.text(problem.message()) + "</p>";
  }

  private static String fieldError(String field, @Nullable Problem problem) {
    if (problem == null || !problem.field().equals(field)) {
      return "";
    }
    return "<p class=\"error field-error\" id=\"" + field + "-error\">" + Html.text(problem.message()) + "</p>";
  }

  private static String invalid(String field, @Nullable Problem problem, String hint) {
    boolean wrong = problem != null && problem.field().equals(field);
    String described = (hint + (wrong ? " " + field + "-error" : "")).strip();
    return (described.isEmpty() ? "" : " aria-describedby=\"" + described + "\"")
        + (wrong ? " aria-invalid=\"true\" autofocus" : "");
  }

  private String options(Taxonomy taxonomy) {
    Set<String> chosen = Set.copyOf(skills);
    StringBuilder out = new StringBuilder();
    for (Skill skill : taxonomy.skills()) {
      out.append("<option value=\"").append(Html.text(skill.id())).append('"')
          .append(chosen.contains(skill.id()) ? " selected" : "").append('>')
          .append(Html.text(skill.label())).append("</option>\n");
    }
    return out.toString();
  }
}
