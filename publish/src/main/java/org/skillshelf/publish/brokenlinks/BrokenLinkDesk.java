package org.skillshelf.publish.brokenlinks;

import java.time.Clock;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.skillshelf.events.BrokenLinkDismissal;
import org.skillshelf.events.ReviewDecision;
import org.skillshelf.events.ReviewDecision.Edits;
import org.skillshelf.events.ReviewDecision.Verdict;
import org.skillshelf.kafka.EventPublisher;
import org.skillshelf.kafka.Topics;
import org.skillshelf.publish.review.DecisionDesk;
import org.skillshelf.web.ApiException;

/**
 * The three things a curator can do about a queue entry: replace the link (a {@code EDIT} decision
 * carrying the new URL), withdraw the record (a {@code WITHDRAW} decision with a reason), or
 * dismiss the entry (a {@link BrokenLinkDismissal} event, which lasts until the link breaks anew or
 * a reader reports it again).
 *
 * <p>Why publish owns the queue, not linkcheck: two of the three actions are curator decisions
 * about a published record, and publish already has the one place every such decision is checked
 * and sent ({@link DecisionDesk}: state, conflicts between curators, reasons), the curator pages
 * and the catalogue's titles. Linkcheck knows only links; it would have to duplicate the desk or
 * call publish. The one thing publish lacks, link health and readers' reports, it reads from their
 * topics without a consumer group, as its search indexer already does.
 *
 * <pre>{@code
 * desk.replace("ada", "r1", "https://example.org/new-home");
 * }</pre>
 */
public final class BrokenLinkDesk {
  private static final int LONGEST_NOTE = 1_000;

  private final BrokenLinkBoard board;
  private final DecisionDesk decisions;
  private final EventPublisher publisher;
  private final Clock clock;

  public BrokenLinkDesk(BrokenLinkBoard board, DecisionDesk decisions, EventPublisher publisher, Clock clock) {
    this.board = board;
    this.decisions = decisions;
    this.publisher = publisher;
    this.clock = clock;
  }

  public BrokenLinkBoard board() {
    return board;
  }

  /** Gives the record a new link; the record leaves the queue once the catalogue carries it. */
  public ReviewDecision replace(String curator, String resourceId, @Nullable String url) {
    BrokenLink entry = inQueue(resourceId);
    if (url == null || url.isBlank()) {
      throw ApiException.badRequest("URL_REQUIRED", "Give the new link; nothing was changed.");
    }
    String fresh = url.strip();
    if (fresh.equals(entry.url())) {
      throw ApiException.badRequest("SAME_URL", "That is the link the record already has; nothing was changed.");
    }
    return decisions.decide(curator, resourceId, Verdict.EDIT, "replaced the link " + entry.url(), Edits.newUrl(fresh), null);
  }

  /** Takes the record out of the catalogue; a reason is required. */
  public ReviewDecision withdraw(String curator, String resourceId, @Nullable String reason) {
    inQueue(resourceId);
    return decisions.decide(curator, resourceId, Verdict.WITHDRAW, reason, Edits.none(), null);
  }

  /** Records that nothing needs doing about the entry as it stands now. */
  public BrokenLinkDismissal dismiss(String curator, String resourceId, @Nullable String note) {
    BrokenLink entry = inQueue(resourceId);
    String kept = note == null || note.isBlank() ? null : note.strip();
    if (kept != null && kept.length() > LONGEST_NOTE) {
      throw ApiException.badRequest("NOTE_TOO_LONG", "Keep the note under 1,000 characters; nothing was changed.");
    }
    var dismissal = new BrokenLinkDismissal(BrokenLinkDismissal.VERSION, UUID.randomUUID().toString(), resourceId, entry.url(),
        board.brokenSince(resourceId), kept, curator, clock.instant());
    publisher.send(Topics.LINK_DISMISSALS, resourceId, dismissal);
    board.dismissed(dismissal); // shown at once; the feed's copy of the same event changes nothing
    return dismissal;
  }

  private BrokenLink inQueue(String resourceId) {
    return board.entry(resourceId).orElseThrow(() -> ApiException.notFound("The broken-links entry " + resourceId));
  }
}
