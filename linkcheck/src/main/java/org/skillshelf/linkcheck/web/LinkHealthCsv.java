package org.skillshelf.linkcheck.web;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.skillshelf.events.LinkHealth;

/**
 * The link table as CSV (RFC 4180) for spreadsheets. Cells that a spreadsheet would run as a
 * formula ({@code = + - @}, tab, carriage return first) get a leading apostrophe, because URLs and
 * details come from the web.
 */
final class LinkHealthCsv {
  static final String HEADER = "resourceId,url,host,state,lastOutcome,lastStatus,lastCheckedAt,consecutiveFailures,firstFailureAt,lastOkAt,detail";

  private LinkHealthCsv() {}

  static String of(List<LinkHealth> links) {
    StringBuilder out = new StringBuilder(HEADER).append("\r\n");
    for (LinkHealth h : links) {
      var last = h.lastOutcome();
      String[] cells = {h.resourceId(), h.url(), LinkTable.hostOf(h.url()), h.state().name(),
          last == null ? "" : last.outcome().name(), last == null ? "" : Integer.toString(last.status()), str(h.lastCheckedAt()),
          Integer.toString(h.consecutiveFailures()), str(h.firstFailureAt()), str(h.lastOkAt()), last == null ? "" : str(last.detail())};
      for (int i = 0; i < cells.length; i++) {
        out.append(i == 0 ? "" : ",").append(cell(cells[i]));
      }
      out.append("\r\n");
    }
    return out.toString();
  }

  static String cell(String value) {
    String safe = !value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
    boolean quote = safe.contains(",") || safe.contains("\"") || safe.contains("\n") || safe.contains("\r");
    return quote ? "\"" + safe.replace("\"", "\"\"") + "\"" : safe;
  }

  private static String str(@Nullable Object value) {
    return value == null ? "" : value.toString();
  }
}
