package org.skillshelf.linkcheck.web;

import java.util.List;
import java.util.Locale;
import org.skillshelf.events.LinkState;
import org.skillshelf.web.html.Html;

/**
 * Draws the health trend as inline SVG: one line per state (share of all links, 0–100%) over the
 * sampled time. No script and no style attribute, so it passes the page's Content Security Policy;
 * colours come from the stylesheet's {@code .trend} classes.
 */
final class TrendChart {
  private static final int WIDTH = 600;
  private static final int HEIGHT = 160;
  private static final List<LinkState> LINES = List.of(LinkState.HEALTHY, LinkState.DEGRADED, LinkState.BROKEN);

  private TrendChart() {}

  static String svg(List<HealthTrend.Sample> samples) {
    if (samples.size() < 2) {
      return "<p class=\"hint\">The trend appears after two samples (one a minute).</p>";
    }
    StringBuilder out = new StringBuilder();
    out.append("<svg class=\"trend\" role=\"img\" viewBox=\"0 0 ").append(WIDTH).append(' ').append(HEIGHT)
        .append("\" width=\"100%\" aria-labelledby=\"trend-title\"><title id=\"trend-title\">Share of links by state, ")
        .append(Html.text(samples.getFirst().at().toString())).append(" to ").append(Html.text(samples.getLast().at().toString()))
        .append("</title>");
    out.append("<line class=\"axis\" x1=\"0\" y1=\"").append(HEIGHT).append("\" x2=\"").append(WIDTH).append("\" y2=\"")
        .append(HEIGHT).append("\"/>");
    for (LinkState state : LINES) {
      out.append("<polyline class=\"").append(state.name()).append("\" fill=\"none\" points=\"");
      for (int i = 0; i < samples.size(); i++) {
        HealthTrend.Sample sample = samples.get(i);
        double share = sample.total() == 0 ? 0 : sample.count(state) / (double) sample.total();
        double x = i * (WIDTH / (double) (samples.size() - 1));
        double y = HEIGHT - share * HEIGHT;
        out.append(String.format(Locale.ROOT, "%.1f,%.1f ", x, y));
      }
      out.append("\"/>");
    }
    out.append("</svg><p class=\"hint\">Lines: <span class=\"badge HEALTHY\">healthy</span> "
        + "<span class=\"badge DEGRADED\">degraded</span> <span class=\"badge BROKEN\">broken</span>, as a share of all checked links.</p>");
    return out.toString();
  }
}
