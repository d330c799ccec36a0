package com.example.ordersaga.bench;

import com.example.ordersaga.bench.BenchOptions.Mode;
import com.example.ordersaga.bench.coordinator.CoordinatorBench;
import com.example.ordersaga.bench.local.LocalBench;
import com.example.ordersaga.bench.report.Comparison;
import com.example.ordersaga.bench.report.Report;
import com.example.ordersaga.bench.report.ReportJson;
import com.example.ordersaga.bench.report.ReportTable;
import com.example.ordersaga.bench.saga.SagaBench;
import com.example.ordersaga.bench.twopc.TwoPcBench;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code java -jar bench-all.jar <mode> [options]}: runs one mode, prints its table, writes its
 * JSON. Exit 0 when the run left the system consistent, 1 when its check failed, 2 when it could
 * not run (bad arguments, nothing to measure against).
 */
public final class BenchMain {

  private BenchMain() {}

  public static void main(String[] args) {
    System.exit(run(args));
  }

  static int run(String... args) {
    BenchOptions options;
    try {
      options = BenchOptions.parse(args);
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage());
      System.err.print(BenchOptions.USAGE);
      return 2;
    }
    try {
      if (options.mode() == Mode.COMPARE) {
        List<Report> reports = new ArrayList<>();
        for (Path input : options.inputs()) {
          reports.add(ReportJson.read(input));
        }
        Comparison.print(reports, System.out);
        return 0;
      }
      Report report = measure(options);
      ReportTable.print(List.of(report), System.out);
      if (options.json() != null) {
        ReportJson.write(report, options.json());
        System.out.println("\nJSON: " + options.json());
      }
      return report.check() == null || report.check().passed() ? 0 : 1;
    } catch (BenchAbort abort) {
      System.err.println(abort.getMessage());
      return abort.exitCode();
    } catch (Exception e) {
      e.printStackTrace();
      return 2;
    }
  }

  private static Report measure(BenchOptions options) throws Exception {
    return switch (options.mode()) {
      case SAGA -> SagaBench.run(options);
      case COORDINATOR -> CoordinatorBench.run(options);
      case LOCAL -> LocalBench.run(options);
      case TWO_PC -> TwoPcBench.run(options);
      case COMPARE -> throw new IllegalStateException("compare measures nothing");
    };
  }
}
