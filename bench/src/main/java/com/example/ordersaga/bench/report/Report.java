package com.example.ordersaga.bench.report;

import com.example.ordersaga.bench.load.LoadResult;
import java.util.Map;
import java.util.TreeMap;

/**
 * One run's result, as printed and as written to JSON (the {@code compare} mode reads it back).
 *
 * @param rate orders/s of an open loop, null for a closed loop
 * @param ordersPerSecond answered orders (rejections included) per measured second
 * @param rssPeakMb peak resident set per process, sampled every 500 ms during the run
 * @param rssTotalMb the sum of {@code rssPeakMb}: the whole stack in saga mode; the bench JVM (and
 *     the coordinator in coordinator mode) otherwise
 * @param settings what else shaped the numbers (backend, joins, reject share, …)
 * @param check the post-run consistency check (the auditor, the baselines' invariants), or null
 */
public record Report(
    String mode,
    int clients,
    Double rate,
    double warmupSeconds,
    double durationSeconds,
    double measuredSeconds,
    long orders,
    double ordersPerSecond,
    LatencySummary latency,
    Map<String, Long> outcomes,
    Map<String, Long> errors,
    Map<String, String> errorSamples,
    long unsent,
    Map<String, Double> rssPeakMb,
    double rssTotalMb,
    Map<String, String> settings,
    Check check,
    String startedAt,
    String machine) {

  /** Builds a report from a load result; {@code check} may be filled in later. */
  public static Report of(
      String mode,
      int clients,
      Double rate,
      double warmupSeconds,
      double durationSeconds,
      LoadResult result,
      Map<String, Double> rssPeakMb,
      Map<String, String> settings,
      String startedAt) {
    return new Report(
        mode,
        clients,
        rate,
        warmupSeconds,
        durationSeconds,
        result.measuredSeconds(),
        result.answered(),
        result.ordersPerSecond(),
        LatencySummary.of(result.latencyMicros()),
        result.outcomes(),
        result.errors(),
        result.errorSamples(),
        result.unsent(),
        new TreeMap<>(rssPeakMb),
        rssPeakMb.values().stream().mapToDouble(Double::doubleValue).sum(),
        new TreeMap<>(settings),
        null,
        startedAt,
        describeMachine());
  }

  public Report withCheck(Check verdict) {
    return new Report(
        mode,
        clients,
        rate,
        warmupSeconds,
        durationSeconds,
        measuredSeconds,
        orders,
        ordersPerSecond,
        latency,
        outcomes,
        errors,
        errorSamples,
        unsent,
        rssPeakMb,
        rssTotalMb,
        settings,
        verdict,
        startedAt,
        machine);
  }

  public long failed() {
    return errors.values().stream().mapToLong(Long::longValue).sum();
  }

  private static String describeMachine() {
    return Runtime.getRuntime().availableProcessors()
        + " cores, Java "
        + System.getProperty("java.version")
        + ", "
        + System.getProperty("os.name")
        + " "
        + System.getProperty("os.arch");
  }
}
