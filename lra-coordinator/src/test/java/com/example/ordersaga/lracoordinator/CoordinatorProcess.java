package com.example.ordersaga.lracoordinator;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The real coordinator jar as a child process, on a free port and its own store, so tests run
 * beside a live stack. It can be killed hard and restarted on the same port and store.
 */
public final class CoordinatorProcess implements AutoCloseable {

  private static final Duration READY_TIMEOUT = Duration.ofSeconds(30);

  private final Path jar;
  private final Path storeDir;
  private final Path logFile;
  private final int port;
  private final List<String> options;
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
  private Process process;

  private CoordinatorProcess(Path jar, Path workDir, int port, List<String> options) {
    this.jar = jar;
    this.storeDir = workDir.resolve("store");
    this.logFile = workDir.resolve("coordinator.log");
    this.port = port;
    this.options = options;
  }

  /** Starts the jar named by the {@code lra.coordinator.jar} system property (set by failsafe). */
  public static CoordinatorProcess start(Path workDir) throws IOException {
    return start(workDir, List.of());
  }

  /** As {@link #start(Path)}, with more JVM options (e.g. {@code -Dlra.coordinator.token=…}). */
  public static CoordinatorProcess start(Path workDir, List<String> options) throws IOException {
    String jar = System.getProperty("lra.coordinator.jar");
    if (jar == null || !Files.isRegularFile(Path.of(jar))) {
      throw new IllegalStateException(
          "lra.coordinator.jar must name the packaged coordinator jar, was " + jar);
    }
    CoordinatorProcess coordinator =
        new CoordinatorProcess(Path.of(jar), workDir, freePort(), options);
    coordinator.launch();
    return coordinator;
  }

  /** Scheme, host and port: what {@code camel.lra.coordinator-url} expects. */
  public String url() {
    return "http://localhost:" + port;
  }

  public String baseUrl() {
    return "http://localhost:" + port + CoordinatorSettings.CONTEXT_PATH;
  }

  /** What the process wrote to stdout and stderr, so far. */
  public List<String> logLines() throws IOException {
    return Files.readAllLines(logFile);
  }

  /** SIGKILL, as a crash: no shutdown hook, no flush beyond what was already synced. */
  public void killHard() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor(10, TimeUnit.SECONDS);
  }

  /** Starts again on the same port and object store. */
  public void restart() throws IOException {
    if (process != null && process.isAlive()) {
      throw new IllegalStateException("still running");
    }
    launch();
  }

  @Override
  public void close() throws InterruptedException {
    if (process != null && process.isAlive()) {
      process.destroy();
      if (!process.waitFor(15, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
      }
    }
  }

  private void launch() throws IOException {
    Files.createDirectories(storeDir);
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xmx256m");
    command.add("-Dlra.coordinator.host=127.0.0.1");
    command.add("-Dlra.coordinator.port=" + port);
    command.add("-Dlra.coordinator.store-dir=" + storeDir);
    command.add("-Dlra.coordinator.recovery-period=1");
    command.add("-Dlra.coordinator.recovery-backoff=1");
    command.addAll(options);
    command.add("-jar");
    command.add(jar.toString());
    process =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
            .start();
    awaitReady();
  }

  private void awaitReady() throws IOException {
    long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
    URI health = URI.create("http://localhost:" + port + "/health");
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException(
            "coordinator exited with " + process.exitValue() + ":\n" + Files.readString(logFile));
      }
      try {
        HttpResponse<Void> response =
            http.send(
                HttpRequest.newBuilder(health).timeout(Duration.ofSeconds(2)).build(),
                HttpResponse.BodyHandlers.discarding());
        if (response.statusCode() == 200) {
          return;
        }
      } catch (IOException notYet) {
        // Not listening yet.
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IOException(e);
      }
      try {
        Thread.sleep(100); // Polling a child process's port; nothing to await on.
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IOException(e);
      }
    }
    throw new IllegalStateException("coordinator not ready in " + READY_TIMEOUT);
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
