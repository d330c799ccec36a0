package com.example.ordersaga.bench.rss;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Samples the resident set of named processes every 500 ms while a run lasts and keeps each one's
 * peak: the number that decides whether the stack fits its memory budget.
 */
public final class RssSampler implements AutoCloseable {

  private static final long PERIOD_MILLIS = 500;

  private final Map<String, Long> pids;
  private final Map<String, Long> peakKb = new ConcurrentHashMap<>();
  private final ScheduledExecutorService timer =
      Executors.newSingleThreadScheduledExecutor(
          runnable -> {
            Thread thread = new Thread(runnable, "bench-rss-sampler");
            thread.setDaemon(true);
            return thread;
          });

  private RssSampler(Map<String, Long> pids) {
    this.pids = Map.copyOf(pids);
  }

  /** Starts sampling now (one sample at once, so even a short run has one). */
  public static RssSampler start(Map<String, Long> pids) {
    RssSampler sampler = new RssSampler(pids);
    sampler.timer.scheduleAtFixedRate(sampler::sample, 0, PERIOD_MILLIS, TimeUnit.MILLISECONDS);
    return sampler;
  }

  /** The bench JVM's own PID. */
  public static long self() {
    return ProcessHandle.current().pid();
  }

  /** Peak RSS in MB per process name, sorted by name; a process never seen alive is left out. */
  public Map<String, Double> peakMb() {
    sample();
    Map<String, Double> mb = new LinkedHashMap<>();
    pids.keySet().stream()
        .sorted()
        .forEach(
            name -> {
              Long kb = peakKb.get(name);
              if (kb != null) {
                mb.put(name, kb / 1024.0);
              }
            });
    return mb;
  }

  @Override
  public void close() {
    timer.shutdownNow();
  }

  private void sample() {
    pids.forEach(
        (name, pid) -> {
          OptionalLong kb = ProcStatus.rssKb(pid);
          if (kb.isPresent()) {
            peakKb.merge(name, kb.getAsLong(), Math::max);
          }
        });
  }
}
