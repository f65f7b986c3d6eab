package org.skillshelf.ingest.bulk;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.jspecify.annotations.Nullable;

/**
 * A CSV file with a header row: a {@code url} column is required; {@code title}, {@code note} and
 * {@code skills} (ids separated by {@code ;} or {@code |}) are optional; other columns are
 * ignored. Header names are matched ignoring case. The delimiter is a comma, or a tab or semicolon
 * when the header row holds no comma (as spreadsheet programs in some locales write).
 */
final class CsvImport {

  private final String body;
  private final LineIndex lineIndex;
  private final BulkParseBuilder out;

  private CsvImport(String body, BulkParseBuilder out) {
    this.body = body;
    this.lineIndex = new LineIndex(body);
    this.out = out;
  }

  static void read(String body, BulkParseBuilder out) {
    new CsvImport(body, out).read();
  }

  private void read() {
    CSVFormat format = CSVFormat.DEFAULT.builder()
        .setDelimiter(delimiter())
        .setIgnoreEmptyLines(true)
        .setIgnoreSurroundingSpaces(true)
        .get();
    int nextLine = 1;
    try (CSVParser parser = CSVParser.parse(body, format)) {
      Iterator<CSVRecord> records = parser.iterator();
      if (!records.hasNext()) {
        return;
      }
      Columns columns = Columns.of(records.next());
      if (columns.url() < 0) {
        out.fileError(1, BulkError.MISSING_URL_COLUMN, "The CSV needs a header row with a column"
            + " named url; the first row has: " + columns.names() + ".");
        return;
      }
      nextLine = (int) parser.getCurrentLineNumber() + 1;
      while (records.hasNext() && readRow(records.next(), columns)) {
        nextLine = (int) parser.getCurrentLineNumber() + 1;
      }
    } catch (IOException | UncheckedIOException | IllegalStateException | IllegalArgumentException
        broken) {
      // commons-csv reports syntax errors (such as an unclosed quote) this way; the rows before
      // it have been read, so report where reading stopped rather than failing the whole import.
      out.fileError(nextLine, BulkError.MALFORMED_CSV, "The CSV could not be read from this line"
          + " on (is a quote left open, or is there text after a closing quote?); the rows"
          + " before it were read.");
    }
  }

  /** @return false once the import is full */
  private boolean readRow(CSVRecord row, Columns columns) {
    if (row.stream().allMatch(String::isBlank)) {
      return true; // spreadsheets export rows of bare delimiters; they hold nothing to lose
    }
    int line = lineIndex.lineAt(startOf(row));
    String url = cell(row, columns.url());
    if (url == null || url.isBlank()) {
      return out.reject(line, BulkError.INVALID_URL, "This row has no address in the url column.");
    }
    return out.add(line, url, cell(row, columns.title()), cell(row, columns.note()),
        BulkParseBuilder.skills(cell(row, columns.skills())));
  }

  /** The record's first character, past the line breaks of any empty lines skipped before it. */
  private int startOf(CSVRecord row) {
    int position = (int) row.getCharacterPosition();
    while (position < body.length()
        && (body.charAt(position) == '\n' || body.charAt(position) == '\r')) {
      position++;
    }
    return position;
  }

  private char delimiter() {
    String header = body.lines().filter(line -> !line.isBlank()).findFirst().orElse("");
    if (header.indexOf(',') >= 0) {
      return ',';
    }
    return header.indexOf('\t') >= 0 ? '\t' : header.indexOf(';') >= 0 ? ';' : ',';
  }

  private static @Nullable String cell(CSVRecord row, int column) {
    return column >= 0 && column < row.size() ? row.get(column) : null;
  }

  /** Where the known columns are; -1 for an absent one. */
  private record Columns(List<String> names, int url, int title, int note, int skills) {

    static Columns of(CSVRecord header) {
      List<String> names = new ArrayList<>();
      header.forEach(name -> names.add(name.strip().toLowerCase(Locale.ROOT)));
      return new Columns(names, names.indexOf("url"), names.indexOf("title"),
          names.indexOf("note"), names.indexOf("skills"));
    }
  }
}
