package com.example.ordersaga.bench.rss;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Samples the resident set of named processes every 500 ms while a run lasts, and their
 * proportional set every 2 s (reading it walks the page tables: dearer), and keeps each one's
 * peaks: the numbers that decide whether the stack fits its memory budget. RSS counts the pages
 * that JVMs share (the JDK's class data, libraries) once per process, PSS once in all.
 */
public final class RssSampler implements AutoCloseable {

  private static final long PERIOD_MILLIS = 500;
  private static final int PSS_EVERY = 4;

  private final Map<String, Long> pids;
  private final Map<String, Long> peakKb = new ConcurrentHashMap<>();
  private final Map<String, Long> peakPssKb = new ConcurrentHashMap<>();
  private int samples;
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
    return megabytes(peakKb);
  }

  /** Peak PSS in MB per process name, as {@link #peakMb()}. */
  public Map<String, Double> peakPssMb() {
    samplePss();
    return megabytes(peakPssKb);
  }

  private Map<String, Double> megabytes(Map<String, Long> kbByName) {
    Map<String, Double> mb = new LinkedHashMap<>();
    pids.keySet().stream()
        .sorted()
        .forEach(
            name -> {
              Long kb = kbByName.get(name);
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

  private synchronized void sample() {
    pids.forEach((name, pid) -> keepPeak(peakKb, name, ProcStatus.rssKb(pid)));
    if (samples++ % PSS_EVERY == 0) {
      samplePss();
    }
  }

  private void samplePss() {
    pids.forEach((name, pid) -> keepPeak(peakPssKb, name, ProcStatus.pssKb(pid)));
  }

  private static void keepPeak(Map<String, Long> peaks, String name, OptionalLong kb) {
    if (kb.isPresent()) {
      peaks.merge(name, kb.getAsLong(), Math::max);
    }
  }
}
