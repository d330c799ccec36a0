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
 * @param pssPeakMb peak proportional set per process (shared pages divided among their sharers),
 *     sampled every 2 s
 * @param pssTotalMb the sum of {@code pssPeakMb}: shared pages counted once
 * @param cpuMsPerOrder CPU time (user + system) each process used in the measured window, per
 *     answered order
 * @param cpuMsPerOrderTotal the sum of {@code cpuMsPerOrder}
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
    Map<String, Double> pssPeakMb,
    double pssTotalMb,
    Map<String, Double> cpuMsPerOrder,
    double cpuMsPerOrderTotal,
    Map<String, String> settings,
    Check check,
    String startedAt,
    String machine) {

  /**
   * What the bench read of each process during a run: peak RSS and PSS in MB, CPU ms over the
   * measured window.
   */
  public record Processes(
      Map<String, Double> rssPeakMb, Map<String, Double> pssPeakMb, Map<String, Long> cpuMillis) {}

  /** Builds a report from a load result; {@code check} may be filled in later. */
  public static Report of(
      String mode,
      int clients,
      Double rate,
      double warmupSeconds,
      double durationSeconds,
      LoadResult result,
      Processes processes,
      Map<String, String> settings,
      String startedAt) {
    Map<String, Double> cpuPerOrder = new TreeMap<>();
    if (result.answered() > 0) {
      processes
          .cpuMillis()
          .forEach((name, ms) -> cpuPerOrder.put(name, ms / (double) result.answered()));
    }
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
        new TreeMap<>(processes.rssPeakMb()),
        sum(processes.rssPeakMb()),
        new TreeMap<>(processes.pssPeakMb()),
        sum(processes.pssPeakMb()),
        cpuPerOrder,
        sum(cpuPerOrder),
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
        pssPeakMb,
        pssTotalMb,
        cpuMsPerOrder,
        cpuMsPerOrderTotal,
        settings,
        verdict,
        startedAt,
        machine);
  }

  public long failed() {
    return errors.values().stream().mapToLong(Long::longValue).sum();
  }

  private static double sum(Map<String, Double> values) {
    return values.values().stream().mapToDouble(Double::doubleValue).sum();
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
