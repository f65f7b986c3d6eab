package org.skillshelf.ingest.bulk;

import org.jspecify.annotations.Nullable;

/**
 * Reads a curator's bulk import into entries to submit and per-line errors. Formats: a plain list
 * (one address a line, {@code #} comments), CSV with a header row ({@code url}, optional
 * {@code title}, {@code note}, {@code skills}), a Netscape bookmark file, and a Markdown link
 * list. The format comes from the content type, or from the content when the type is missing or
 * generic. At most {@value BulkParseBuilder#MAX_ENTRIES} entries are read.
 *
 * <pre>{@code
 * BulkParse parse = BulkImportParser.parse("text/csv", "url,skills\nhttps://example.org/,sql;python\n");
 * parse.lines().get(0).skills(); // [sql, python]
 * }</pre>
 */
public final class BulkImportParser {

  private BulkImportParser() {}

  /**
   * Never throws for any body: whatever cannot be read becomes a {@link BulkError}.
   *
   * @param contentType the request's content type, e.g. {@code text/csv; charset=utf-8}
   * @param body the decoded request body
   */
  public static BulkParse parse(@Nullable String contentType, String body) {
    // A byte-order mark is an encoding artefact, not content; it would hide a CSV "url" header.
    String text = body.startsWith("\uFEFF") ? body.substring(1) : body;
    BulkParseBuilder out = new BulkParseBuilder();
    switch (BulkFormat.detect(contentType, text)) {
      case PLAIN_TEXT -> PlainTextList.read(text, out);
      case CSV -> CsvImport.read(text, out);
      case BOOKMARKS -> BookmarkFile.read(text, out);
      case MARKDOWN -> MarkdownList.read(text, out);
    }
    return out.build();
  }
}
