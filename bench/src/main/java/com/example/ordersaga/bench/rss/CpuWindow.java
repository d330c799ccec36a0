package com.example.ordersaga.bench.rss;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalLong;

/**
 * The CPU time (user + system) each named process uses between {@link #open} and {@link #close}:
 * the bench opens it when the measured window starts and closes it when the load stops, so the
 * warm-up's work is not counted. A process that died in between is left out.
 */
public final class CpuWindow {

  private final Map<String, Long> pids;
  private final Map<String, Long> startMillis = new LinkedHashMap<>();

  private CpuWindow(Map<String, Long> pids) {
    this.pids = pids;
    pids.forEach((name, pid) -> read(pid).ifPresent(ms -> startMillis.put(name, ms)));
  }

  public static CpuWindow open(Map<String, Long> pids) {
    return new CpuWindow(Map.copyOf(pids));
  }

  /** CPU ms used since {@link #open} per process name, sorted by name. */
  public Map<String, Long> close() {
    Map<String, Long> used = new LinkedHashMap<>();
    startMillis.keySet().stream()
        .sorted()
        .forEach(
            name ->
                read(pids.get(name)).ifPresent(ms -> used.put(name, ms - startMillis.get(name))));
    return used;
  }

  private static OptionalLong read(long pid) {
    return ProcStatus.cpuMillis(pid);
  }
}
