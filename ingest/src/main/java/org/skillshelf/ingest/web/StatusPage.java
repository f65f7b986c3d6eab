package org.skillshelf.ingest.web;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import java.time.format.DateTimeFormatter;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Optional;
import org.skillshelf.ingest.intake.ResourceStatus;
import org.skillshelf.ingest.intake.StatusBoard;
import org.skillshelf.ingest.intake.SubmissionStatus;
import org.skillshelf.web.WebModule;
import org.skillshelf.web.html.Html;
import org.skillshelf.web.html.Page;

/**
 * {@code /submissions/{id}}: where a suggestion stands, with its timeline. While the pipeline is
 * still working on it the page reloads itself every 5 s (a meta refresh, so no script is needed);
 * while it waits for a curator, once a minute; a final status stops the reloading.
 */
final class StatusPage implements WebModule {
  private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm:ss 'UTC'", Locale.ENGLISH)
      .withZone(ZoneOffset.UTC);

  private final StatusBoard board;

  StatusPage(StatusBoard board) {
    this.board = board;
  }

  @Override
  public void mount(JavalinConfig config) {
    config.routes.get("/submissions/{id}", this::show);
  }

  private void show(Context ctx) {
    String id = ctx.pathParam("id");
    Optional<ResourceStatus> found = board.forSubmission(id);
    if (found.isEmpty()) {
      ctx.status(404);
      Page.render(ctx, "Suggestion not found", "<h1>Suggestion not found</h1><p>There is no suggestion "
          + Html.text(id) + ". Check the link, or <a href=\"/submit\">suggest a resource</a>.</p>");
      return;
    }
    ResourceStatus s = found.get();
    Optional<Integer> refresh = refreshSeconds(s.status());
    String head = refresh.map(seconds -> "<meta http-equiv=\"refresh\" content=\"" + seconds + "\">").orElse("");
    Page.render(ctx, "Your suggestion", body(id, s, refresh), head, null);
  }

  static Optional<Integer> refreshSeconds(SubmissionStatus status) {
    return switch (status) {
      case RECEIVED, ENRICHING -> Optional.of(5);
      case IN_REVIEW -> Optional.of(60);
      case PUBLISHED, REJECTED, FAILED, WITHDRAWN -> Optional.empty();
    };
  }

  private static String body(String id, ResourceStatus s, Optional<Integer> refresh) {
    String link = "/submissions/" + Html.param(id);
    StringBuilder timeline = new StringBuilder("<ol class=\"timeline\">\n");
    for (ResourceStatus.StatusChange change : s.history()) {
      timeline.append("<li><time datetime=\"").append(change.at()).append("\">").append(SHOWN.format(change.at()))
          .append("</time> ").append(Html.text(words(change.status())))
          .append(change.detail() == null ? "" : ": " + Html.text(change.detail())).append("</li>\n");
    }
    timeline.append("</ol>");
    return """
        <h1>Your suggestion</h1>
        <p role="status">Thank you. This suggestion is <strong class="badge %s">%s</strong>.</p>
        <p>Resource: <a href="%s">%s</a></p>
        <p>Keep this link to follow it: <a href="%s">%s</a></p>
        %s
        <h2>Timeline</h2>
        %s
        %s
        <p><a href="/submit">Suggest another resource</a></p>
        """.formatted(s.status().name(), Html.text(words(s.status())), Html.href(s.url()), Html.text(s.url()),
        link, Html.text(link),
        s.suggestions().size() > 1 ? "<p>This resource has been suggested " + s.suggestions().size() + " times.</p>" : "",
        timeline, refresh.map(seconds -> "<p class=\"hint\">This page updates itself every " + (seconds == 60 ? "minute" : seconds + " seconds")
            + " until the suggestion is settled.</p>").orElse(""));
  }

  private static String words(SubmissionStatus status) {
    return switch (status) {
      case RECEIVED -> "received";
      case ENRICHING -> "being read and described";
      case IN_REVIEW -> "waiting for a curator";
      case PUBLISHED -> "published";
      case REJECTED -> "not taken into the catalogue";
      case FAILED -> "unreadable (the page could not be fetched)";
      case WITHDRAWN -> "withdrawn from the catalogue";
    };
  }
}
