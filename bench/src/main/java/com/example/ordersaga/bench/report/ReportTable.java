package com.example.ordersaga.bench.report;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** The stdout form of reports: one line per run, then each run's RSS, PSS, CPU and check. */
public final class ReportTable {

  private static final String ROW = "%-12s %7s %9s %9s %9s %9s %9s %8s  %-8s %s%n";

  private ReportTable() {}

  public static void print(List<Report> reports, PrintStream out) {
    out.printf(
        Locale.ROOT,
        ROW,
        "MODE",
        "CLIENTS",
        "ORDERS/S",
        "P50_MS",
        "P90_MS",
        "P99_MS",
        "MAX_MS",
        "RSS_MB",
        "ERRORS",
        "OUTCOMES");
    for (Report r : reports) {
      out.printf(
          Locale.ROOT,
          ROW,
          r.mode(),
          r.rate() == null ? r.clients() : r.clients() + "@" + number(r.rate()) + "/s",
          number(r.ordersPerSecond()),
          number(r.latency().p50Ms()),
          number(r.latency().p90Ms()),
          number(r.latency().p99Ms()),
          number(r.latency().maxMs()),
          String.format(Locale.ROOT, "%.0f", r.rssTotalMb()),
          errors(r),
          counts(r.outcomes()));
    }
    for (Report r : reports) {
      out.printf(
          Locale.ROOT,
          "%n%s: %d orders in %.1f s (after %.0f s warm-up); %s%n",
          r.mode(),
          r.orders(),
          r.measuredSeconds(),
          r.warmupSeconds(),
          counts(r.settings()));
      out.printf(Locale.ROOT, "  peak RSS MB: %s%n", perProcess(r.rssPeakMb(), "%.0f"));
      if (r.pssPeakMb() != null && !r.pssPeakMb().isEmpty()) {
        out.printf(Locale.ROOT, "  peak PSS MB: %s%n", perProcess(r.pssPeakMb(), "%.0f"));
      }
      if (r.cpuMsPerOrder() != null && !r.cpuMsPerOrder().isEmpty()) {
        out.printf(Locale.ROOT, "  CPU ms/order: %s%n", perProcess(r.cpuMsPerOrder(), "%.1f"));
      }
      r.errorSamples().forEach((kind, message) -> out.printf("  error %s: %s%n", kind, message));
      if (r.check() != null) {
        out.printf("  check: %s%n", r.check());
      }
    }
  }

  static String number(double value) {
    if (value >= 100) {
      return String.format(Locale.ROOT, "%.0f", value);
    }
    if (value >= 10) {
      return String.format(Locale.ROOT, "%.1f", value);
    }
    return String.format(Locale.ROOT, "%.2f", value);
  }

  private static String errors(Report r) {
    String errors = Long.toString(r.failed());
    return r.unsent() > 0 ? errors + "+" + r.unsent() + "u" : errors;
  }

  private static String counts(Map<String, ?> counts) {
    return counts.entrySet().stream()
        .map(e -> e.getKey() + "=" + e.getValue())
        .collect(Collectors.joining(", "));
  }

  private static String perProcess(Map<String, Double> values, String format) {
    if (values.isEmpty()) {
      return "none sampled";
    }
    return values.entrySet().stream()
            .map(e -> e.getKey() + " " + String.format(Locale.ROOT, format, e.getValue()))
            .collect(Collectors.joining(", "))
        + " = "
        + String.format(
            Locale.ROOT, format, values.values().stream().mapToDouble(Double::doubleValue).sum());
  }
}
