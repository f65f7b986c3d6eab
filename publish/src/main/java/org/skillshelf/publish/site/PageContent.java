package org.skillshelf.publish.site;

import io.javalin.http.Context;
import org.jspecify.annotations.Nullable;
import org.skillshelf.web.html.Page;

/**
 * A page built but not yet sent: its title, already escaped markup for head and body, and the
 * path under /assets of a script that enhances it, or null.
 */
public record PageContent(String title, String headHtml, String bodyHtml, @Nullable String script) {
  /** The script that adds suggestions as you type to a page's search box. */
  static final String SEARCH_SCRIPT = "search.js";

  public PageContent(String title, String headHtml, String bodyHtml) {
    this(title, headHtml, bodyHtml, null);
  }

  void render(Context ctx) {
    Page.render(ctx, title, bodyHtml, headHtml, script);
  }
}
