package org.skillshelf.linkcheck.web;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.skillshelf.events.LinkHealth;
import org.skillshelf.events.LinkState;
import org.skillshelf.web.html.Html;

/** The HTML of the link-health dashboard; every value from the stores goes through {@link Html#text}. */
final class DashboardPage {
  /** Rows shown in the links table; the CSV export has them all. */
  static final int MAX_ROWS = 200;

  private DashboardPage() {}

  static String body(DashboardFigures f, HealthTrend trend, List<LinkHealth> rows, @Nullable LinkState state,
      @Nullable String host, Instant now) {
    StringBuilder out = new StringBuilder();
    out.append("<h1>Link health</h1><p class=\"hint\">As of ").append(Html.text(now.toString()))
        .append("; this page refreshes every 30 seconds.</p>");
    out.append(filters(state, host));
    out.append("<section aria-labelledby=\"states\"><h2 id=\"states\">Links by state</h2>")
        .append(table("State", "Links", f.byState().entrySet().stream()
            .map(e -> Map.entry("<span class=\"badge " + e.getKey().name() + "\">" + Html.text(e.getKey().name()) + "</span>",
                Html.text(Integer.toString(e.getValue())))).toList()))
        .append("</section>");
    out.append("<section aria-labelledby=\"trend\"><h2 id=\"trend\">Trend</h2>").append(TrendChart.svg(trend.samples())).append("</section>");
    out.append(work(f, trend));
    out.append("<section aria-labelledby=\"outcomes\"><h2 id=\"outcomes\">Latest check of each link</h2>")
        .append(table("Outcome", "Links", f.byLastOutcome().entrySet().stream()
            .map(e -> Map.entry(Html.text(e.getKey()), Html.text(Integer.toString(e.getValue())))).toList()))
        .append("<h3>Checks by this instance since it started</h3>")
        .append(table("Outcome", "Checks", f.checksByOutcome().entrySet().stream()
            .map(e -> Map.entry(Html.text(e.getKey()), Html.text(Long.toString(e.getValue())))).toList()))
        .append("</section>");
    out.append(newlyBroken(f)).append(hosts(f)).append(links(rows));
    return out.toString();
  }

  private static String filters(@Nullable LinkState state, @Nullable String host) {
    StringBuilder out = new StringBuilder("<form method=\"get\" action=\"/health\" class=\"filters\"><label for=\"state\">State</label>"
        + "<select id=\"state\" name=\"state\"><option value=\"\">any</option>");
    for (LinkState s : LinkState.values()) {
      out.append("<option value=\"").append(s.name()).append('"').append(s == state ? " selected" : "").append('>')
          .append(Html.text(s.name().toLowerCase(Locale.ROOT))).append("</option>");
    }
    out.append("</select><label for=\"host\">Host</label><input type=\"text\" id=\"host\" name=\"host\" value=\"")
        .append(Html.text(host)).append("\"><button type=\"submit\">Filter</button> <a class=\"button\" href=\"/api/link-health.csv?state=")
        .append(Html.text(Html.param(state == null ? "" : state.name()))).append("&amp;host=").append(Html.text(Html.param(host)))
        .append("\">Export CSV</a></form>");
    return out.toString();
  }

  private static String work(DashboardFigures f, HealthTrend trend) {
    return "<section aria-labelledby=\"work\"><h2 id=\"work\">Work</h2><dl class=\"figures\">"
        + "<dt>Checks per minute (last sample)</dt><dd>" + Html.text(String.format(Locale.ROOT, "%.1f", trend.checksPerMinute())) + "</dd>"
        + "<dt>Checks since start</dt><dd>" + Html.text(Long.toString(f.checks())) + "</dd>"
        + "<dt>Mean check time</dt><dd>" + Html.text(f.meanLatency().toMillis() + " ms") + "</dd>"
        + "<dt>Longest recent check</dt><dd>" + Html.text(f.maxLatency().toMillis() + " ms") + "</dd>"
        + "<dt>Backlog: due, waiting for a check</dt><dd>" + Html.text(Integer.toString(f.waitingForCheck())) + "</dd>"
        + "<dt>Being checked, or waiting for their host's turn</dt><dd>" + Html.text(Integer.toString(f.underWay())) + "</dd>"
        + "</dl></section>";
  }

  private static String newlyBroken(DashboardFigures f) {
    StringBuilder out = new StringBuilder("<section aria-labelledby=\"newly\"><h2 id=\"newly\">Newly broken (last 24 hours)</h2>");
    if (f.newlyBroken().isEmpty()) {
      return out.append("<p>None.</p></section>").toString();
    }
    out.append("<ul class=\"results\">");
    for (Map.Entry<LinkHealth, Instant> e : f.newlyBroken()) {
      LinkHealth link = e.getKey();
      out.append("<li><a href=\"").append(Html.href(link.url())).append("\">").append(Html.text(link.url())).append("</a> — broken since ")
          .append(Html.text(e.getValue().toString())).append(", ")
          .append(Html.text(link.lastOutcome() == null ? "" : link.lastOutcome().outcome().name())).append("</li>");
    }
    return out.append("</ul></section>").toString();
  }

  private static String hosts(DashboardFigures f) {
    return "<section aria-labelledby=\"hosts\"><h2 id=\"hosts\">Hosts with most failing links</h2>"
        + table("Host", "Degraded or broken links", f.failingHosts().stream()
            .map(e -> Map.entry("<a href=\"/health?host=" + Html.text(Html.param(e.getKey())) + "\">" + Html.text(e.getKey()) + "</a>",
                Html.text(Integer.toString(e.getValue())))).toList())
        + "</section>";
  }

  private static String links(List<LinkHealth> rows) {
    StringBuilder out = new StringBuilder("<section aria-labelledby=\"links\"><h2 id=\"links\">Links</h2><p class=\"hint\">")
        .append(Html.text(rows.size() + " matching" + (rows.size() > MAX_ROWS ? ", the first " + MAX_ROWS + " shown" : "")))
        .append("</p><table><thead><tr><th scope=\"col\">Link</th><th scope=\"col\">State</th><th scope=\"col\">Last outcome</th>"
            + "<th scope=\"col\">Last checked</th><th scope=\"col\">Detail</th></tr></thead><tbody>");
    for (LinkHealth link : rows.subList(0, Math.min(rows.size(), MAX_ROWS))) {
      var last = link.lastOutcome();
      out.append("<tr><td><a href=\"").append(Html.href(link.url())).append("\">").append(Html.text(link.url())).append("</a></td><td>")
          .append("<span class=\"badge ").append(link.state().name()).append("\">").append(Html.text(link.state().name())).append("</span></td><td>")
          .append(Html.text(last == null ? "" : last.outcome().name())).append("</td><td>")
          .append(Html.text(link.lastCheckedAt() == null ? "" : link.lastCheckedAt().toString())).append("</td><td>")
          .append(Html.text(last == null ? "" : last.detail())).append("</td></tr>");
    }
    return out.append("</tbody></table></section>").toString();
  }

  private static String table(String key, String value, List<Map.Entry<String, String>> safeRows) {
    StringBuilder out = new StringBuilder("<table><thead><tr><th scope=\"col\">").append(Html.text(key)).append("</th><th scope=\"col\">")
        .append(Html.text(value)).append("</th></tr></thead><tbody>");
    if (safeRows.isEmpty()) {
      out.append("<tr><td colspan=\"2\">None yet.</td></tr>");
    }
    safeRows.forEach(e -> out.append("<tr><td>").append(e.getKey()).append("</td><td>").append(e.getValue()).append("</td></tr>"));
    return out.append("</tbody></table>").toString();
  }
}
