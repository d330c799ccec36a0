package com.example.ordersaga.bench.saga;

import com.example.ordersaga.bench.report.Check;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * The invariant auditor (auditor/, {@code ./run.sh audit}) after a saga run, as a child process
 * printing its own report: a benchmark whose orders broke an invariant measured nothing.
 */
final class AuditorRun {

  private static final long LIMIT_MINUTES = 5;

  private AuditorRun() {}

  /** The auditor's verdict, or null when it is not built (the issue: "when available"). */
  static Check audit() throws Exception {
    Path jar =
        Path.of(System.getenv().getOrDefault("AUDITOR_JAR", "auditor/target/auditor-all.jar"));
    if (!Files.isRegularFile(jar)) {
      System.err.println(
          "auditor not run: " + jar + " not built (./mvnw -q -DskipTests package -pl auditor)");
      return null;
    }
    String java = ProcessHandle.current().info().command().orElse("java");
    System.err.println("auditing the stack (" + jar + ") …");
    Process auditor = new ProcessBuilder(java, "-jar", jar.toString()).inheritIO().start();
    if (!auditor.waitFor(LIMIT_MINUTES, TimeUnit.MINUTES)) {
      auditor.destroyForcibly();
      return Check.failed("AUDIT DID NOT FINISH within " + LIMIT_MINUTES + " min");
    }
    return switch (auditor.exitValue()) {
      case 0 -> Check.passed("audit OK (0 violations)");
      case 1 -> Check.failed("AUDIT FOUND VIOLATIONS (see its report above)");
      default -> Check.failed("audit could not read the stack (exit " + auditor.exitValue() + ")");
    };
  }
}
