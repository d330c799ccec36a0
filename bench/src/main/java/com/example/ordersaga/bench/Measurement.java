package com.example.ordersaga.bench;

import com.example.ordersaga.bench.load.LoadDriver;
import com.example.ordersaga.bench.load.LoadPlan;
import com.example.ordersaga.bench.load.LoadResult;
import com.example.ordersaga.bench.load.OrderMix;
import com.example.ordersaga.bench.report.Report;
import com.example.ordersaga.bench.rss.CpuWindow;
import com.example.ordersaga.bench.rss.RssSampler;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

/**
 * What every mode does around its own order action: load; RSS and PSS sampling and each process's
 * CPU over the measured window; the report.
 */
public final class Measurement {

  private Measurement() {}

  public static OrderMix mix(BenchOptions options) {
    return new OrderMix(options.rejectShare(), options.users(), options.products());
  }

  /**
   * Runs the load with RSS sampled on {@code pids} throughout.
   *
   * @param settings mode-specific settings, added to the common ones in the report
   */
  public static Report run(
      BenchOptions options,
      OrderMix mix,
      LoadDriver.ClientFactory clients,
      Map<String, Long> pids,
      Map<String, String> settings)
      throws Exception {
    LoadPlan plan =
        new LoadPlan(options.clients(), options.warmup(), options.duration(), options.rate());
    String startedAt = Instant.now().toString();
    System.err.printf(
        "%s: %s, %d clients, %s s warm-up + %s s measured%n",
        options.mode().label(),
        plan.openLoop() ? "open loop at " + options.rate() + " orders/s" : "closed loop",
        options.clients(),
        seconds(options.warmup()),
        seconds(options.duration()));
    LoadResult result;
    Map<String, Double> rss;
    Map<String, Double> pss;
    AtomicReference<CpuWindow> cpu = new AtomicReference<>();
    Map<String, Long> cpuMillis;
    try (RssSampler sampler = RssSampler.start(pids)) {
      result = new LoadDriver(plan).run(mix, clients, () -> cpu.set(CpuWindow.open(pids)));
      cpuMillis = cpu.get().close();
      rss = sampler.peakMb();
      pss = sampler.peakPssMb();
    }
    Map<String, String> all = new LinkedHashMap<>();
    all.put("loop", plan.openLoop() ? "open" : "closed");
    all.put("rejectShare", Double.toString(options.rejectShare()));
    all.put("users", Integer.toString(options.users()));
    all.put("products", Integer.toString(options.products()));
    all.putAll(settings);
    return Report.of(
        options.mode().label(),
        options.clients(),
        options.rate(),
        seconds(options.warmup()),
        seconds(options.duration()),
        result,
        new Report.Processes(rss, pss, cpuMillis),
        all,
        startedAt);
  }

  private static double seconds(Duration duration) {
    return duration.toMillis() / 1000.0;
  }
}
