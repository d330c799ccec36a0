package com.example.ordersaga.bench.rss;

import com.example.ordersaga.config.stack.StackProcess;
import com.example.ordersaga.config.stack.StackProcessFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The processes {@code ./run.sh} started, from the PID files it writes under its data dir. */
public final class StackProcesses {

  private final Path runDir;
  private final Path processFile;

  /** PID files in {@code runDir}, for the processes listed in {@code processFile}. */
  public StackProcesses(Path runDir, Path processFile) {
    this.runDir = runDir;
    this.processFile = processFile;
  }

  /**
   * {@code $SAGA_DATA_DIR/run} and {@code $SAGA_STACK_PROCESSES} (both set by run.sh), or run.sh's
   * defaults from the repo root: {@code data/run} and {@code config/stack/processes}.
   */
  public static StackProcesses fromEnvironment() {
    Map<String, String> env = System.getenv();
    String dataDir = env.getOrDefault("SAGA_DATA_DIR", "data");
    String processFile =
        env.getOrDefault("SAGA_STACK_PROCESSES", StackProcessFile.IN_REPOSITORY.toString());
    return new StackProcesses(Path.of(dataDir, "run"), Path.of(processFile));
  }

  public Path runDir() {
    return runDir;
  }

  public Path processFile() {
    return processFile;
  }

  /** What run.sh starts beside the stack's processes to watch them: their cost is the stack's. */
  static final List<String> OBSERVERS = List.of("zipkin", "prometheus");

  /**
   * PID of each process of the stack that has a PID file and is alive, by name, in start order,
   * then the observers run.sh started; none when there is no process list (the bench run away from
   * the repository).
   */
  public Map<String, Long> pids() throws IOException {
    if (!Files.isRegularFile(processFile)) {
      return Map.of();
    }
    List<String> names =
        new java.util.ArrayList<>(
            StackProcessFile.read(processFile).stream().map(StackProcess::name).toList());
    names.addAll(OBSERVERS);
    return pids(names);
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
