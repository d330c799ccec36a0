package com.example.ordersaga.bench.rss;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The processes {@code ./run.sh} started, from the PID files it writes under its data dir. */
public final class StackProcesses {

  /** run.sh's process names, in its start order. */
  public static final List<String> NAMES =
      List.of(
          "kafka",
          "lra-coordinator",
          "order-service",
          "payment-service",
          "point-service",
          "product-service",
          "completion-api",
          "orchestrator");

  private final Path runDir;

  public StackProcesses(Path runDir) {
    this.runDir = runDir;
  }

  /** {@code $SAGA_DATA_DIR/run}, or {@code data/run} (run.sh's default, from the repo root). */
  public static StackProcesses fromEnvironment() {
    String dataDir = System.getenv().getOrDefault("SAGA_DATA_DIR", "data");
    return new StackProcesses(Path.of(dataDir, "run"));
  }

  public Path runDir() {
    return runDir;
  }

  /** PID of each named process that has a PID file and is alive, by name. */
  public Map<String, Long> pids(List<String> names) {
    Map<String, Long> pids = new LinkedHashMap<>();
    for (String name : names) {
      Path file = runDir.resolve(name + ".pid");
      try {
        long pid = Long.parseLong(Files.readString(file).trim());
        if (ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
          pids.put(name, pid);
        }
      } catch (IOException | NumberFormatException absent) {
        // Not started by run.sh (or not running): nothing to sample.
      }
    }
    return pids;
  }
}
