package com.example.ordersaga.system;

import com.example.ordersaga.config.stack.StackProcess;
import com.example.ordersaga.config.stack.StackProcessFile;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;

/**
 * {@code ./run.sh} as a user runs it, on free ports and its own data directory so the test runs
 * beside a live stack. The build step is skipped: the reactor has just packaged everything.
 */
final class RunScript {

  /** What one invocation printed and returned. */
  record Result(int exitCode, String output) {}

  private static final Path ROOT =
      Path.of(System.getProperty("ordersaga.root", "..")).toAbsolutePath();

  /** The ha topology's processes (./run.sh ha). */
  static final Path HA_PROCESSES = Path.of("config", "stack", "processes-ha");

  private final Path dataDir;
  private final List<StackProcess> topology;
  private final Map<String, String> env = new HashMap<>();

  RunScript(Path dataDir) throws IOException {
    this(dataDir, processes());
  }

  /**
   * {@code ./run.sh ha} on free ports (the public ones HAProxy's, each replica's, each Kafka node's
   * controller) and in databases of its own ({@code POSTGRES_DATABASE_SUFFIX}).
   */
  static RunScript ha(Path dataDir, String databaseSuffix) throws IOException {
    RunScript ha = new RunScript(dataDir, StackProcessFile.read(ROOT.resolve(HA_PROCESSES)));
    return ha.with("POSTGRES_DATABASE_SUFFIX", databaseSuffix);
  }

  private RunScript(Path dataDir, List<StackProcess> topology) throws IOException {
    this.dataDir = dataDir;
    this.topology = topology;
    env.put("SAGA_DATA_DIR", dataDir.toString());
    env.put("SAGA_SKIP_BUILD", "1");
    // Prometheus and Zipkin only where a test asks for them (SAGA_PROMETHEUS=on, SAGA_ZIPKIN=on):
    // they observe, they are not under test; without Zipkin the deployables trace nothing.
    env.put("SAGA_PROMETHEUS", "off");
    env.put("SAGA_ZIPKIN", "off");
    List<String> portVariables =
        new ArrayList<>(List.of("KAFKA_CONTROLLER_PORT", "PROMETHEUS_PORT", "ZIPKIN_PORT"));
    processes().forEach(process -> portVariables.add(process.portVariable()));
    for (StackProcess process : topology) {
      if (!portVariables.contains(process.portVariable())) {
        portVariables.add(process.portVariable());
      }
      if (process.launch().equals("kafka") && !process.name().equals("kafka")) {
        portVariables.add(process.name().toUpperCase().replace('-', '_') + "_CONTROLLER_PORT");
      }
    }
    List<Integer> ports = distinctFreePorts(portVariables.size());
    for (int i = 0; i < ports.size(); i++) {
      env.put(portVariables.get(i), Integer.toString(ports.get(i)));
    }
  }

  /** The processes run.sh starts, in start order: config/stack/processes, as run.sh reads it. */
  static List<StackProcess> processes() throws IOException {
    return StackProcessFile.read(ROOT.resolve(StackProcessFile.IN_REPOSITORY));
  }

  /** Their names. */
  static List<String> processNames() throws IOException {
    return processes().stream().map(StackProcess::name).toList();
  }

  String url(String portVariable) {
    return "http://localhost:" + port(portVariable);
  }

  int port(String variable) {
    return Integer.parseInt(env.get(variable));
  }

  /** The processes of this stack's topology, in start order. */
  List<StackProcess> topology() {
    return topology;
  }

  /** The URLs of this stack's processes launched as {@code launch}. */
  private List<String> urlsOf(String launch, String scheme) {
    return topology.stream()
        .filter(process -> process.launch().equals(launch))
        .map(process -> scheme + "localhost:" + port(process.portVariable()))
        .toList();
  }

  /** What the auditor reads: this stack's URLs. */
  com.example.ordersaga.auditor.AuditTarget auditTarget() {
    return new com.example.ordersaga.auditor.AuditTarget(
        url("ORCHESTRATOR_PORT"),
        url("ORDER_SERVICE_PORT"),
        url("PAYMENT_SERVICE_PORT"),
        url("POINT_SERVICE_PORT"),
        url("PRODUCT_SERVICE_PORT"),
        url("COMPLETION_API_PORT"),
        urlsOf("coordinator", "http://"),
        String.join(",", urlsOf("kafka", "")));
  }

  RunScript with(String variable, String value) {
    env.put(variable, value);
    return this;
  }

  Result run(String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of("bash", ROOT.resolve("run.sh").toString()));
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command).directory(ROOT.toFile());
    builder.environment().putAll(env);
    builder.redirectErrorStream(true);
    Process process = builder.start();
    // run.sh returns once the stack is up; its children keep running detached from our pipe.
    byte[] output = process.getInputStream().readAllBytes();
    if (!process.waitFor(6, TimeUnit.MINUTES)) {
      process.destroyForcibly();
      throw new IllegalStateException("run.sh " + String.join(" ", args) + " hung");
    }
    return new Result(process.exitValue(), new String(output, StandardCharsets.UTF_8));
  }

  /** A file under the stack's data directory. */
  Path dataFile(String relative) {
    return dataDir.resolve(relative);
  }

  /** The lines a process has logged so far (data/logs/<name>.log). */
  List<String> logLines(String name) throws IOException {
    return Files.readAllLines(dataDir.resolve("logs").resolve(name + ".log"));
  }

  /** The PID run.sh recorded for a process, if it recorded one. */
  OptionalLong pid(String name) throws IOException {
    Path pidFile = dataDir.resolve("run").resolve(name + ".pid");
    return Files.exists(pidFile)
        ? OptionalLong.of(Long.parseLong(Files.readString(pidFile).trim()))
        : OptionalLong.empty();
  }

  static boolean alive(long pid) {
    return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
  }

  /** Deletes a stack's data directory (a previous run's), if there is one. */
  static void deleteRecursively(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (java.util.stream.Stream<Path> paths = Files.walk(dir)) {
      for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    }
  }

  /** Ports free right now and different from each other (all held open while choosing). */
  static List<Integer> distinctFreePorts(int count) throws IOException {
    List<ServerSocket> held = new ArrayList<>();
    try {
      for (int i = 0; i < count; i++) {
        held.add(new ServerSocket(0));
      }
      return held.stream().map(ServerSocket::getLocalPort).toList();
    } finally {
      for (ServerSocket socket : held) {
        socket.close();
      }
    }
  }
}
