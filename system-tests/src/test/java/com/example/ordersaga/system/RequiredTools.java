package com.example.ordersaga.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Tools a system test needs beside the JDK (Prometheus, Chromium…): without them the test is
 * skipped, unless the environment variable that requires them is true (CI sets it), which makes
 * their absence a failure.
 */
final class RequiredTools {

  private RequiredTools() {}

  /**
   * Skips the calling test class (or fails it, where {@code requiredBy} is true) unless every
   * command is on the PATH; {@code install} tells how to get them.
   */
  static void assumeOnPath(String requiredBy, String install, String... commands) {
    boolean installed = Arrays.stream(commands).allMatch(RequiredTools::onPath);
    String needed = String.join(", ", commands) + " on the PATH (" + install + ")";
    if (Boolean.parseBoolean(System.getenv(requiredBy))) {
      assertThat(installed).as(needed).isTrue();
    }
    assumeTrue(installed, "not installed: " + needed);
  }

  /** Skips (or fails, where {@code requiredBy} is true) unless {@code host:port} accepts. */
  static void assumeReachable(String requiredBy, String what, String host, int port) {
    boolean reachable;
    try (java.net.Socket socket = new java.net.Socket()) {
      socket.connect(new java.net.InetSocketAddress(host, port), 2_000);
      reachable = true;
    } catch (java.io.IOException unreachable) {
      reachable = false;
    }
    String needed = what + " at " + host + ":" + port;
    if (Boolean.parseBoolean(System.getenv(requiredBy))) {
      assertThat(reachable).as(needed).isTrue();
    }
    assumeTrue(reachable, "unreachable: " + needed);
  }

  static boolean onPath(String command) {
    return Files.isExecutable(Path.of("/usr/bin", command))
        || Arrays.stream(System.getenv("PATH").split(File.pathSeparator))
            .anyMatch(directory -> Files.isExecutable(Path.of(directory, command)));
  }
}
