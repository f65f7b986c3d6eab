package org.skillshelf.ingest.web;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.UploadedFile;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.jspecify.annotations.Nullable;
import org.skillshelf.ingest.bulk.BulkReport;
import org.skillshelf.ingest.bulk.BulkSubmission;
import org.skillshelf.web.CuratorAccounts;
import org.skillshelf.web.WebModule;
import org.skillshelf.web.html.Csrf;
import org.skillshelf.web.html.Html;
import org.skillshelf.web.html.Page;

/**
 * {@code /submit/bulk}: curators upload a file (or paste a list) of resources; the format is
 * recognised from the file, and the page answers with the per-line report.
 */
final class BulkUploadPage implements WebModule {
  private final BulkSubmission bulk;
  private final CuratorAccounts curators;

  BulkUploadPage(BulkSubmission bulk, CuratorAccounts curators) {
    this.bulk = bulk;
    this.curators = curators;
  }

  @Override
  public void mount(JavalinConfig config) {
    config.routes.get("/submit/bulk", ctx -> {
      curators.requireCurator(ctx);
      Page.render(ctx, "Bulk import", form(ctx, null));
    });
    config.routes.post("/submit/bulk", this::upload);
  }

  private void upload(Context ctx) throws IOException {
    String curator = curators.requireCurator(ctx);
    BodySize.checkDeclared(ctx, BodySize.BULK_FORM);
    Csrf.verify(ctx);
    boolean publish = ctx.formParam("publish") != null;
    UploadedFile file = ctx.uploadedFile("file");
    String body;
    @Nullable String contentType = null;
    if (file != null && file.size() > 0) {
      try (InputStream in = file.content()) {
        body = new String(BodySize.read(in, BodySize.BULK, -1), StandardCharsets.UTF_8);
      }
      contentType = file.contentType();
    } else {
      String pasted = ctx.formParam("entries");
      body = pasted == null ? "" : pasted;
    }
    if (body.isBlank()) {
      ctx.status(400);
      Page.render(ctx, "Bulk import", form(ctx, "Choose a file or paste a list of addresses."));
      return;
    }
    BulkReport report = bulk.submit(contentType, body, curator, publish);
    Page.render(ctx, "Bulk import report", report(report) + form(ctx, null));
  }

  private static String form(Context ctx, @Nullable String error) {
    String problem = error == null ? "" : "<p class=\"error\" role=\"alert\" id=\"bulk-error\">" + Html.text(error) + "</p>";
    String described = error == null ? "" : " aria-describedby=\"bulk-error\"";
    return """
        <h1>Bulk import</h1>
        <p>Upload a plain list of addresses (one a line), a CSV file with a <code>url</code> column (and optional
        <code>title</code>, <code>note</code>, <code>skills</code>), a browser's bookmarks export, or a Markdown link list.
        The format is recognised from the file.</p>
        %s
        <form method="post" action="/submit/bulk" enctype="multipart/form-data">
        %s
        <label for="file">File</label>
        <input type="file" id="file" name="file" accept=".txt,.csv,.html,.htm,.md,text/plain,text/csv,text/html,text/markdown"%s>
        <label for="entries">Or paste the list</label>
        <textarea id="entries" name="entries" rows="8"%s></textarea>
        <p><input type="checkbox" id="publish" name="publish" value="true">
        <label for="publish" class="inline">Publish each resource after enrichment without review (recorded as your decision)</label></p>
        <button type="submit">Import</button>
        </form>
        """.formatted(problem, Csrf.field(ctx), described, described);
  }

  private static String report(BulkReport report) {
    StringBuilder out = new StringBuilder("<section aria-labelledby=\"report\"><h2 id=\"report\" tabindex=\"-1\">Report</h2>\n")
        .append("<p role=\"status\">").append(report.accepted()).append(" accepted, ")
        .append(report.rejected().size()).append(" refused.</p>\n");
    if (!report.rejected().isEmpty()) {
      out.append("<table><caption>Refused lines</caption><thead><tr><th scope=\"col\">Line</th><th scope=\"col\">Code</th>")
          .append("<th scope=\"col\">Why</th></tr></thead><tbody>\n");
      for (BulkReport.Rejection r : report.rejected()) {
        out.append("<tr><td>").append(r.line()).append("</td><td>").append(Html.text(r.error().code())).append("</td><td>")
            .append(Html.text(r.error().message())).append("</td></tr>\n");
      }
      out.append("</tbody></table>\n");
    }
    if (!report.items().isEmpty()) {
      out.append("<h3>Accepted</h3><ul class=\"results\">\n");
      for (BulkReport.Item item : report.items()) {
        out.append("<li><a href=\"/submissions/").append(Html.text(Html.param(item.id()))).append("\">")
            .append(Html.text(item.url())).append("</a></li>\n");
      }
      out.append("</ul>\n");
    }
    return out.append("</section>\n").toString();
  }
}
