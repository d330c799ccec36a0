package com.example.ordersaga.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.example.ordersaga.auditor.AuditReport;
import com.example.ordersaga.auditor.Auditor;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The crash matrix: for each process of the stack, orders keep flowing (at least 20 in flight)
 * while it is killed with SIGKILL at a random moment, then brought back with {@code ./run.sh};
 * afterwards every order the kill left unanswered, replayed with its Idempotency-Key, tells its
 * final outcome, and the invariant auditor must find nothing. The moments come from a seed,
 * printed, so a failure can be replayed: {@code -Dcrash.seed=…}; {@code -Dcrash.rounds=N} kills
 * every process N times (CI: once).
 */
class CrashMatrixIT {

  private static final long SEED = Long.getLong("crash.seed", System.currentTimeMillis());
  private static final int ROUNDS = Integer.getInteger("crash.rounds", 1);
  private static final int CLIENTS = 24;
  private static final int USERS = 30;
  private static final int PRODUCTS = 10;

  /** Kept after the run (logs, databases, the LRA store), for a failure to be looked into. */
  private static final Path dataDir = Path.of("target", "crash-matrix-data").toAbsolutePath();

  private static RunScript runSh;
  private static StackClient stack;
  private static final Random random = new Random(SEED);

  @BeforeAll
  static void startStack() throws Exception {
    System.out.println("crash matrix seed: " + SEED + " (replay with -Dcrash.seed=" + SEED + ")");
    RunScript.deleteRecursively(dataDir);
    System.out.println("crash matrix data (kept after the run): " + dataDir);
    runSh =
        new RunScript(dataDir)
            // Sagas cut off by a crash end within seconds: their LRA expires, or, if it never
            // started, the orchestrator gives the order up soon after.
            .with("SAGA_TIMEOUT", "15s")
            .with("SAGA_ABANDON_GRACE", "5s");
    RunScript.Result started = runSh.run();
    assertThat(started.exitCode()).as(started.output()).isZero();
    stack = new StackClient(runSh);
    for (int i = 0; i < USERS; i++) {
      stack.givePoints("crash-user-" + i, 1_000_000);
    }
    for (int i = 0; i < PRODUCTS; i++) {
      stack.stockProduct("crash-product-" + i, 100, 100_000);
    }
  }

  @AfterAll
  static void stopStack() throws Exception {
    runSh.run("stop");
  }

  /** Every process, the LRA coordinator included; {@code -Dcrash.processes=a,b} picks some. */
  static Stream<String> processes() throws IOException {
    List<String> everyProcess = RunScript.processNames();
    String chosen = System.getProperty("crash.processes", "all");
    List<String> all = chosen.equals("all") ? everyProcess : List.of(chosen.split(","));
    List<String> rounds = new ArrayList<>();
    for (int i = 0; i < ROUNDS; i++) {
      rounds.addAll(all);
    }
    return rounds.stream();
  }

  @ParameterizedTest(name = "kill -9 {0}")
  @MethodSource("processes")
  void killedMidFlightAndRestartedLeavesNoViolation(String process) throws Exception {
    OrderLoad load = new OrderLoad(stack, CLIENTS, random.nextLong(), USERS, PRODUCTS);
    load.start();
    await().atMost(Duration.ofSeconds(60)).until(() -> load.inFlight() >= 20);
    long killAfter = random.nextInt(3_000);
    Thread.sleep(killAfter);
    long pid = runSh.pid(process).orElseThrow();
    ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
    await().atMost(Duration.ofSeconds(30)).until(() -> !RunScript.alive(pid));
    int inFlightAtKill = load.inFlight();
    long downFor = random.nextInt(3_000);
    Thread.sleep(downFor);
    RunScript.Result restarted = runSh.run();
    assertThat(restarted.exitCode()).as(restarted.output()).isZero();
    Thread.sleep(3_000); // orders flowing through the restarted process
    Map<Integer, Integer> answers = load.stop();
    Map<String, Integer> replayed =
        KeyReplays.untilEnded(
            stack,
            load.unanswered().stream()
                .map(order -> new KeyReplays.Keyed(order.idempotencyKey(), order.body()))
                .toList());

    AuditReport report =
        new Auditor(runSh.auditTarget(), Duration.ofSeconds(30), Duration.ofMinutes(5)).audit();
    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    report.print(new PrintStream(printed, true, StandardCharsets.UTF_8));
    System.out.printf(
        "kill -9 %s %d ms into the load, %d orders in flight, down %d ms; answers by status %s;"
            + " the unanswered replayed: %s%n%s%n",
        process,
        killAfter,
        inFlightAtKill,
        downFor,
        answers,
        replayed,
        printed.toString(StandardCharsets.UTF_8));
    assertThat(report.violations())
        .as("seed %d, %s killed:%n%s", SEED, process, printed.toString(StandardCharsets.UTF_8))
        .isEmpty();
  }
}
