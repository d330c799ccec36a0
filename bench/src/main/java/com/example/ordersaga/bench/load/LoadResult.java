package com.example.ordersaga.bench.load;

import java.util.Map;
import org.HdrHistogram.Histogram;

/**
 * The measured part of a run (the warm-up left out).
 *
 * @param measuredSeconds from the end of the warm-up until the last measured order was answered
 * @param latencyMicros answered orders only; in an open loop measured from the intended send time
 * @param outcomes answered orders by "status reason"
 * @param errors orders without an answer, by exception type
 * @param errorSamples the first message of each error type, to tell what went wrong
 * @param unsent open loop: orders whose send time fell before the end but that no client could
 *     start in time (the rate was above what the system answered)
 */
public record LoadResult(
    double measuredSeconds,
    Histogram latencyMicros,
    Map<String, Long> outcomes,
    Map<String, Long> errors,
    Map<String, String> errorSamples,
    long unsent) {

  public long answered() {
    return outcomes.values().stream().mapToLong(Long::longValue).sum();
  }

  public long failed() {
    return errors.values().stream().mapToLong(Long::longValue).sum();
  }

  /** Answered orders per second of the measured time (rejections included: they are answers). */
  public double ordersPerSecond() {
    return measuredSeconds > 0 ? answered() / measuredSeconds : 0;
  }
}
