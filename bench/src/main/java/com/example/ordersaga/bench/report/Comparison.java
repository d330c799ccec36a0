package com.example.ordersaga.bench.report;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * The ratios issue #7 asks for, from reports of separate runs: saga/coordinator (target ≥ 0.6) and
 * saga/local (≥ 0.2) at the same concurrency, and 2pc/local (the brief claims 2PC is ≥ 10× slower
 * than one database, i.e. ≤ 0.1).
 */
public final class Comparison {

  /** One ratio of throughputs, numerator over denominator, and what it should be. */
  public record Pair(
      String numerator, String denominator, String target, double bound, boolean atLeast) {}

  public static final List<Pair> PAIRS =
      List.of(
          new Pair("saga", "coordinator", ">= 0.6", 0.6, true),
          new Pair("saga", "local", ">= 0.2", 0.2, true),
          new Pair("2pc", "local", "<= 0.1 (brief's claim)", 0.1, false));

  /** One ratio found among the reports. */
  public record Ratio(Pair pair, Report numerator, Report denominator) {

    public double throughput() {
      return numerator.ordersPerSecond() / denominator.ordersPerSecond();
    }

    public boolean holds() {
      return pair.atLeast() ? throughput() >= pair.bound() : throughput() <= pair.bound();
    }

    public boolean sameLoad() {
      return numerator.clients() == denominator.clients()
          && Objects.equals(numerator.rate(), denominator.rate());
    }
  }

  private Comparison() {}

  /**
   * Every ratio the reports allow: a numerator run is matched with the denominator run of the same
   * clients and rate, or else with the denominator run of the nearest client count (flagged).
   */
  public static List<Ratio> ratios(List<Report> reports) {
    List<Ratio> ratios = new ArrayList<>();
    for (Pair pair : PAIRS) {
      for (Report num : reports) {
        if (!num.mode().equals(pair.numerator())) {
          continue;
        }
        match(num, pair.denominator(), reports)
            .filter(den -> den.ordersPerSecond() > 0)
            .ifPresent(den -> ratios.add(new Ratio(pair, num, den)));
      }
    }
    return ratios;
  }

  public static void print(List<Report> reports, PrintStream out) {
    ReportTable.print(reports, out);
    out.println();
    out.printf(
        Locale.ROOT,
        "%-18s %-14s %10s %10s %8s %12s  %-24s %s%n",
        "RATIO",
        "CLIENTS",
        "ORDERS/S",
        "ORDERS/S",
        "RATIO",
        "P99/P50",
        "TARGET",
        "HOLDS");
    for (Ratio ratio : ratios(reports)) {
      out.printf(
          Locale.ROOT,
          "%-18s %-14s %10s %10s %8.3f %12s  %-24s %s%n",
          ratio.pair().numerator() + "/" + ratio.pair().denominator(),
          load(ratio.numerator())
              + (ratio.sameLoad() ? "" : " vs " + load(ratio.denominator()) + "!"),
          ReportTable.number(ratio.numerator().ordersPerSecond()),
          ReportTable.number(ratio.denominator().ordersPerSecond()),
          ratio.throughput(),
          String.format(
              Locale.ROOT, "%s / %s", tailRatio(ratio.numerator()), tailRatio(ratio.denominator())),
          ratio.pair().target(),
          ratio.holds() ? "yes" : "NO");
    }
    out.println("(P99/P50 per run; issue #7 wants <= 3 at 70 % of peak throughput)");
  }

  private static Optional<Report> match(Report num, String mode, List<Report> reports) {
    Report best = null;
    for (Report den : reports) {
      if (!den.mode().equals(mode)) {
        continue;
      }
      if (den.clients() == num.clients() && Objects.equals(den.rate(), num.rate())) {
        return Optional.of(den);
      }
      if (best == null
          || Math.abs(den.clients() - num.clients()) < Math.abs(best.clients() - num.clients())) {
        best = den;
      }
    }
    return Optional.ofNullable(best);
  }

  private static String load(Report r) {
    return r.rate() == null ? Integer.toString(r.clients()) : r.clients() + "@" + r.rate() + "/s";
  }

  private static String tailRatio(Report r) {
    return r.latency().p50Ms() > 0
        ? String.format(Locale.ROOT, "%.1f", r.latency().p99Ms() / r.latency().p50Ms())
        : "-";
  }
}
