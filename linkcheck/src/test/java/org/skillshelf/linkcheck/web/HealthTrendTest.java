package org.skillshelf.linkcheck.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.skillshelf.events.LinkState;

class HealthTrendTest {
  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

  private static HealthTrend.Sample sample(int minute, int healthy, int broken, long checks) {
    return new HealthTrend.Sample(T0.plusSeconds(60L * minute), Map.of(LinkState.HEALTHY, healthy, LinkState.BROKEN, broken), checks);
  }

  @Test
  void keepsOnlyTheNewestSamples() {
    var trend = new HealthTrend(3);
    for (int minute = 0; minute < 5; minute++) {
      trend.record(sample(minute, 1, 0, minute));
    }
    assertThat(trend.samples()).extracting(HealthTrend.Sample::checksSoFar).containsExactly(2L, 3L, 4L);
  }

  @Test
  void throughputIsTheChecksBetweenTheLastTwoSamplesPerMinute() {
    var trend = new HealthTrend(10);
    trend.record(sample(0, 1, 0, 100));
    trend.record(sample(2, 1, 0, 160));
    assertThat(trend.checksPerMinute()).isEqualTo(30.0);
  }

  @Test
  void theChartDrawsOneLinePerStateWithoutStyleAttributes() {
    var trend = new HealthTrend(10);
    trend.record(sample(0, 3, 1, 0));
    trend.record(sample(1, 2, 2, 5));
    String svg = TrendChart.svg(trend.samples());
    assertThat(svg).contains("<svg", "class=\"HEALTHY\"", "class=\"BROKEN\"", "0.0,40.0 600.0,80.0").doesNotContain("style=", "<script");
  }

  @Test
  void aSingleSampleGivesAHintInsteadOfAChart() {
    var trend = new HealthTrend(10);
    trend.record(sample(0, 3, 1, 0));
    assertThat(TrendChart.svg(trend.samples())).doesNotContain("<svg").contains("after two samples");
  }
}
