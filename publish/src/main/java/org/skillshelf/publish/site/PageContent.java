package org.skillshelf.publish.site;

import io.javalin.http.Context;
import org.skillshelf.web.html.Page;

/** A page built but not yet sent: its title and already escaped markup for head and body. */
public record PageContent(String title, String headHtml, String bodyHtml) {
  void render(Context ctx) {
    Page.render(ctx, title, bodyHtml, headHtml, null);
  }
}
