package com.example.ordersaga.bench.load;

import java.util.Map;
import java.util.TreeMap;
import org.HdrHistogram.Histogram;

/** What one client thread saw; merged after the run, so the hot path shares nothing. */
final class ClientTally {

  /** An hour in microseconds: anything slower is clamped, not lost. */
  static final long HIGHEST_MICROS = 3_600_000_000L;

  final Histogram latencyMicros = new Histogram(1, HIGHEST_MICROS, 3);
  final Map<String, Long> outcomes = new TreeMap<>();
  final Map<String, Long> errors = new TreeMap<>();
  final Map<String, String> firstErrorMessages = new TreeMap<>();
  long unsent;
  long lastEndNanos;

  void answered(String outcome, long latencyNanos) {
    latencyMicros.recordValue(Math.min(HIGHEST_MICROS, Math.max(1, latencyNanos / 1_000)));
    outcomes.merge(outcome, 1L, Long::sum);
  }

  void failed(Exception error) {
    String kind = error.getClass().getSimpleName();
    errors.merge(kind, 1L, Long::sum);
    firstErrorMessages.putIfAbsent(kind, String.valueOf(error.getMessage()));
  }
}
