package org.skillshelf.web.html;

import io.javalin.http.Context;
import org.jspecify.annotations.Nullable;

/**
 * The layout every page shares: landmarks (header with navigation, main, footer), a skip link, the
 * stylesheet, and an optional same-origin script. The body passed in must already be escaped
 * HTML (build it with {@link Html#text}).
 *
 * <pre>{@code
 * Page.render(ctx, "Search", "<h1>Search</h1>" + results);
 * }</pre>
 */
public final class Page {
  private Page() {}

  public static void render(Context ctx, String title, String bodyHtml) {
    render(ctx, title, bodyHtml, "", null);
  }

  /**
   * @param headHtml extra, already safe, markup for {@code <head>} (JSON-LD, OpenGraph, feeds)
   * @param script a path under /assets of a script that enhances the page, or null
   */
  public static void render(Context ctx, String title, String bodyHtml, String headHtml, @Nullable String script) {
    ctx.contentType("text/html; charset=utf-8");
    ctx.result("""
        <!doctype html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>%s · Skillshelf</title>
        <link rel="stylesheet" href="/assets/skillshelf.css">
        <link rel="alternate" type="application/atom+xml" title="New resources" href="/feed.xml">
        %s
        </head>
        <body>
        <a class="skip" href="#main">Skip to content</a>
        <header class="site">
        <a class="brand" href="/">Skillshelf</a>
        <nav aria-label="Main">
        <ul>
        <li><a href="/">Catalogue</a></li>
        <li><a href="/taxonomy">Skills</a></li>
        <li><a href="/collections">Collections</a></li>
        <li><a href="/submit">Suggest a resource</a></li>
        <li><a href="/review">Review</a></li>
        <li><a href="/curate/collections">Curate</a></li>
        <li><a href="/coverage">Coverage</a></li>
        <li><a href="/health">Link health</a></li>
        </ul>
        </nav>
        </header>
        <main id="main">
        %s
        </main>
        <footer class="site"><p>Skillshelf: free learning resources for library and information staff, mapped to DigComp 2.2.</p></footer>
        %s
        </body>
        </html>
        """.formatted(Html.text(title), headHtml, bodyHtml,
        script == null ? "" : "<script src=\"/assets/" + Html.text(script) + "\" defer></script>"));
  }
}
