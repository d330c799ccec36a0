package com.example.ordersaga.bench.report;

import org.HdrHistogram.Histogram;

/** Percentiles of a latency histogram recorded in microseconds, in milliseconds. */
public record LatencySummary(
    double p50Ms, double p90Ms, double p99Ms, double maxMs, double meanMs) {

  private static final double MICROS_PER_MS = 1_000.0;

  public static LatencySummary of(Histogram micros) {
    if (micros.getTotalCount() == 0) {
      return new LatencySummary(0, 0, 0, 0, 0);
    }
    return new LatencySummary(
        ms(micros.getValueAtPercentile(50)),
        ms(micros.getValueAtPercentile(90)),
        ms(micros.getValueAtPercentile(99)),
        ms(micros.getMaxValue()),
        micros.getMean() / MICROS_PER_MS);
  }

  private static double ms(long micros) {
    return micros / MICROS_PER_MS;
  }
}
