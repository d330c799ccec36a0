package com.example.ordersaga.bench.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

class LatencySummaryTest {

  @Test
  void percentilesOfOneToThousandMillisecondsAreInMilliseconds() {
    Histogram micros = new Histogram(1, 3_600_000_000L, 3);
    for (long ms = 1; ms <= 1000; ms++) {
      micros.recordValue(ms * 1000);
    }

    LatencySummary summary = LatencySummary.of(micros);

    // Three significant digits: within 0.1 % of the exact rank.
    assertThat(summary.p50Ms()).isCloseTo(500, within(1.0));
    assertThat(summary.p90Ms()).isCloseTo(900, within(1.0));
    assertThat(summary.p99Ms()).isCloseTo(990, within(1.0));
    assertThat(summary.maxMs()).isCloseTo(1000, within(1.0));
    assertThat(summary.meanMs()).isCloseTo(500.5, within(1.0));
  }

  @Test
  void oneSlowOutlierMovesTheMaxNotTheMedian() {
    Histogram micros = new Histogram(1, 3_600_000_000L, 3);
    for (int i = 0; i < 999; i++) {
      micros.recordValue(2_000);
    }
    micros.recordValue(5_000_000);

    LatencySummary summary = LatencySummary.of(micros);

    assertThat(summary.p50Ms()).isCloseTo(2, within(0.01));
    assertThat(summary.p99Ms()).isCloseTo(2, within(0.01));
    assertThat(summary.maxMs()).isCloseTo(5000, within(5.0));
  }

  @Test
  void noSamplesGiveZeros() {
    assertThat(LatencySummary.of(new Histogram(3))).isEqualTo(new LatencySummary(0, 0, 0, 0, 0));
  }
}
