package org.skillshelf.ingest.bulk;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.skillshelf.ingest.intake.SubmissionAnswer;
import org.skillshelf.ingest.intake.SubmissionDesk;
import org.skillshelf.web.ApiException;
import org.skillshelf.web.ErrorBody;

/**
 * A curator's bulk import, from request body to report: the file is parsed, every entry is checked
 * by the same {@link SubmissionDesk} rules as a single suggestion, and only then are the accepted
 * entries written, all in one round trip. A refused line never produces a record.
 *
 * <pre>{@code
 * BulkReport report = bulk.submit("text/csv", body, "ada", true);
 * }</pre>
 */
public final class BulkSubmission {
  private final SubmissionDesk desk;
  private final MeterRegistry registry;

  public BulkSubmission(SubmissionDesk desk, MeterRegistry registry) {
    this.desk = desk;
    this.registry = registry;
  }

  /**
   * @param curator who imports; recorded as the submitter and, with {@code publish}, as the one
   *     whose decision publishes each entry after enrichment
   * @throws ApiException 503 when Kafka did not acknowledge the accepted entries
   */
  public BulkReport submit(@Nullable String contentType, String body, String curator, boolean publish) {
    BulkParse parse = BulkImportParser.parse(contentType, body);
    List<BulkReport.Rejection> rejected = new ArrayList<>();
    parse.errors().forEach(e -> rejected.add(new BulkReport.Rejection(e.line(), new ErrorBody.Detail(e.code(), e.message()))));
    List<SubmissionDesk.Checked> checked = new ArrayList<>();
    List<BulkLine> kept = new ArrayList<>();
    for (BulkLine line : parse.lines()) {
      try {
        checked.add(desk.check(suggestion(line, curator, publish)));
        kept.add(line);
      } catch (ApiException e) {
        rejected.add(new BulkReport.Rejection(line.line(), new ErrorBody.Detail(e.code(), e.getMessage())));
      }
    }
    rejected.sort(Comparator.comparingInt(BulkReport.Rejection::line));
    List<SubmissionAnswer> answers = checked.isEmpty() ? List.of() : desk.recordAll(checked);
    List<BulkReport.Item> items = new ArrayList<>(answers.size());
    for (int i = 0; i < answers.size(); i++) {
      items.add(new BulkReport.Item(answers.get(i).id(), answers.get(i).resourceId(), kept.get(i).url()));
    }
    count("imports", publish ? "publish" : "review", 1);
    count("lines", "accepted", items.size());
    count("lines", "rejected", rejected.size());
    return new BulkReport(items.size(), rejected, items);
  }

  private static SubmissionDesk.Suggestion suggestion(BulkLine line, String curator, boolean publish) {
    return new SubmissionDesk.Suggestion(line.url(), line.note(), line.skills(),
        new org.skillshelf.events.Submitter(curator, null), line.title(), "bulk", publish ? curator : null);
  }

  private void count(String what, String outcome, int amount) {
    Counter.builder("skillshelf.ingest.bulk." + what).tag("outcome", outcome)
        .description("bulk imports and their lines").register(registry).increment(amount);
  }
}
