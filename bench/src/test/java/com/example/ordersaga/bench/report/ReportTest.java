package com.example.ordersaga.bench.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.example.ordersaga.bench.load.LoadResult;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportTest {

  @TempDir Path dir;

  @Test
  void throughputCountsEveryAnsweredOrderButNoError() {
    LoadResult result =
        result(
            2.0,
            Map.of("201 COMPLETED", 180L, "409 INSUFFICIENT_POINTS", 20L),
            Map.of("HttpTimeoutException", 5L));

    assertThat(result.answered()).isEqualTo(200);
    assertThat(result.failed()).isEqualTo(5);
    assertThat(result.ordersPerSecond()).isCloseTo(100, within(1e-9));
  }

  @Test
  void rssTotalIsTheSumOfTheProcessesPeaks() {
    Report report =
        report(
            "saga",
            8,
            result(1, Map.of("201 COMPLETED", 1L), Map.of()),
            Map.of("a", 100.0, "b", 250.5));

    assertThat(report.rssTotalMb()).isCloseTo(350.5, within(1e-9));
  }

  @Test
  void cpuPerOrderIsEachProcessesCpuOverTheAnsweredOrders() {
    Report report =
        Report.of(
            "saga",
            16,
            null,
            5,
            30,
            result(30, Map.of("201 COMPLETED", 380L, "409 INSUFFICIENT_POINTS", 20L), Map.of()),
            new Report.Processes(
                Map.of("a", 300.0, "b", 200.0),
                Map.of("a", 250.0, "b", 120.0),
                Map.of("a", 8_000L, "b", 2_000L)),
            Map.of(),
            "now");

    assertThat(report.cpuMsPerOrder()).containsEntry("a", 20.0).containsEntry("b", 5.0);
    assertThat(report.cpuMsPerOrderTotal()).isCloseTo(25.0, within(1e-9));
    assertThat(report.pssTotalMb()).isCloseTo(370.0, within(1e-9));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ReportTable.print(List.of(report), new PrintStream(out, true, StandardCharsets.UTF_8));
    assertThat(out.toString(StandardCharsets.UTF_8))
        .contains("  peak RSS MB: a 300, b 200 = 500")
        .contains("  peak PSS MB: a 250, b 120 = 370")
        .contains("  CPU ms/order: a 20.0, b 5.0 = 25.0");
  }

  @Test
  void jsonRoundTripKeepsEveryNumber() throws Exception {
    Report report =
        report(
                "local",
                4,
                result(5, Map.of("201 COMPLETED", 900L), Map.of()),
                Map.of("bench", 80.0))
            .withCheck(Check.passed("invariants OK"));
    Path file = dir.resolve("out/local.json");

    ReportJson.write(report, file);

    assertThat(ReportJson.read(file)).isEqualTo(report);
  }

  @Test
  void comparisonMatchesRunsOfTheSameConcurrency() {
    Report saga8 = report("saga", 8, result(10, Map.of("201 COMPLETED", 300L), Map.of()), Map.of());
    Report coordinator4 =
        report("coordinator", 4, result(10, Map.of("200 CLOSED", 100L), Map.of()), Map.of());
    Report coordinator8 =
        report("coordinator", 8, result(10, Map.of("200 CLOSED", 400L), Map.of()), Map.of());
    Report local8 =
        report("local", 8, result(10, Map.of("201 COMPLETED", 3000L), Map.of()), Map.of());
    Report twoPc8 = report("2pc", 8, result(10, Map.of("201 COMPLETED", 200L), Map.of()), Map.of());

    List<Comparison.Ratio> ratios =
        Comparison.ratios(List.of(saga8, coordinator4, coordinator8, local8, twoPc8));

    assertThat(ratios)
        .extracting(
            r -> r.pair().numerator() + "/" + r.pair().denominator(),
            Comparison.Ratio::throughput,
            Comparison.Ratio::holds)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("saga/coordinator", 0.75, true),
            org.assertj.core.groups.Tuple.tuple("saga/local", 0.1, false),
            org.assertj.core.groups.Tuple.tuple("2pc/local", 200.0 / 3000.0, true));
    assertThat(ratios.get(0).denominator()).isSameAs(coordinator8);

    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Comparison.print(
        List.of(saga8, coordinator8), new PrintStream(out, true, StandardCharsets.UTF_8));
    assertThat(out.toString(StandardCharsets.UTF_8)).contains("saga/coordinator").contains("0.750");
  }

  private static LoadResult result(
      double seconds, Map<String, Long> outcomes, Map<String, Long> errors) {
    Histogram latency = new Histogram(1, 3_600_000_000L, 3);
    latency.recordValue(1_500);
    return new LoadResult(seconds, latency, outcomes, errors, Map.of(), 0);
  }

  private static Report report(
      String mode, int clients, LoadResult result, Map<String, Double> rss) {
    return Report.of(
        mode,
        clients,
        null,
        1,
        10,
        result,
        new Report.Processes(rss, Map.of(), Map.of()),
        Map.of("backend", "h2"),
        "now");
  }
}
