package com.example.ordersaga.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.example.ordersaga.auditor.AuditReport;
import com.example.ordersaga.auditor.Auditor;
import com.example.ordersaga.config.stack.StackProcess;
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
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The {@code ha} topology ({@code ./run.sh ha}: replicas behind HAProxy, three Kafka nodes, two
 * coordinators, PostgreSQL) under a steady open-loop load: first a rolling restart of one tier
 * fails no order; then one instance after another is killed with SIGKILL and brought back: the
 * orders sent 3 s or more after a kill succeed at 99 % or more, every order the kill cut off
 * reaches its final outcome when replayed with its Idempotency-Key, and the auditor finds nothing.
 * Which replica of each tier dies comes from a seed, printed: {@code -Dha.seed=…} replays a run;
 * {@code -Dha.victims=all} kills every replicated instance (CI: one orchestrator, one
 * payment-service, one coordinator, one Kafka node), or {@code -Dha.victims=a,b} the ones named.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class HighAvailabilitySystemIT {

  private static final long SEED = Long.getLong("ha.seed", System.currentTimeMillis());
  private static final double ORDERS_PER_SECOND = 5;
  private static final int USERS = 30;
  private static final int PRODUCTS = 10;

  /** How long a victim stays dead under load before it is restarted. */
  private static final Duration DOWN = Duration.ofSeconds(12);

  /** Orders sent this long after a kill must succeed (the balancer has noticed by then). */
  private static final long GRACE_MILLIS = 3_000;

  /** Kept after the run (logs, the LRA stores), for a failure to be looked into. */
  private static final Path dataDir = Path.of("target", "ha-data").toAbsolutePath();

  private static final Random random = new Random(SEED);
  private static RunScript runSh;
  private static StackClient stack;

  @BeforeAll
  static void startTheHaTopology() throws Exception {
    System.out.println("ha seed: " + SEED + " (replay with -Dha.seed=" + SEED + ")");
    RunScript.deleteRecursively(dataDir);
    runSh =
        RunScript.ha(dataDir, "_ha_it")
            // Sagas cut off by a kill end within seconds: their LRA expires, or, if it never
            // started, an orchestrator gives the order up soon after.
            .with("SAGA_TIMEOUT", "15s")
            .with("SAGA_ABANDON_GRACE", "5s");
    RequiredTools.assumeOnPath("SAGA_REQUIRE_HAPROXY", "apt-get install haproxy", "haproxy");
    RequiredTools.assumeOnPath(
        "SAGA_REQUIRE_POSTGRES", "apt-get install postgresql-client", "psql");
    RequiredTools.assumeReachable("SAGA_REQUIRE_POSTGRES", "PostgreSQL", "127.0.0.1", 5432);
    // Databases of its own, fresh: a previous run's are dropped.
    runSh.run("reset", "ha");
    RunScript.Result started = runSh.run("ha");
    assertThat(started.exitCode()).as(started.output()).isZero();
    stack = new StackClient(runSh);
    for (int i = 0; i < USERS; i++) {
      stack.givePoints("ha-user-" + i, 1_000_000);
    }
    for (int i = 0; i < PRODUCTS; i++) {
      stack.stockProduct("ha-product-" + i, 100, 1_000_000);
    }
  }

  @AfterAll
  static void stopTheStack() throws Exception {
    if (runSh != null) {
      // Keeps data/ (logs) and the databases for a look after a failure; the next run drops them.
      runSh.run("stop");
    }
  }

  static Stream<String> victims() throws IOException {
    List<String> replicated =
        RunScript.ha(dataDir, "").topology().stream()
            .map(StackProcess::name)
            .filter(name -> name.matches(".*-[0-9]+"))
            .toList();
    String chosen = System.getProperty("ha.victims", "ci");
    if (chosen.equals("all")) {
      return replicated.stream();
    }
    if (!chosen.equals("ci")) {
      return Stream.of(chosen.split(","));
    }
    List<String> victims = new ArrayList<>();
    for (String tier : List.of("orchestrator", "payment-service", "lra-coordinator", "kafka")) {
      List<String> replicas = replicated.stream().filter(n -> n.startsWith(tier + "-")).toList();
      victims.add(replicas.get(random.nextInt(replicas.size())));
    }
    return victims.stream();
  }

  @ParameterizedTest(name = "kill -9 {0}")
  @Order(2)
  @MethodSource("victims")
  void ordersGoOnWhileAnInstanceIsDeadAndNothingIsLeftHalfDone(String victim) throws Exception {
    OpenLoopOrders load =
        new OpenLoopOrders(stack, ORDERS_PER_SECOND, random.nextLong(), USERS, PRODUCTS);
    load.start();
    Thread.sleep(5_000);
    long pid = runSh.pid(victim).orElseThrow();
    long killedAt = load.elapsedMillis();
    ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
    await().atMost(Duration.ofSeconds(30)).until(() -> !RunScript.alive(pid));
    Thread.sleep(DOWN.toMillis());
    long restartedAt = load.elapsedMillis();
    RunScript.Result restarted = runSh.run("ha");
    assertThat(restarted.exitCode()).as(restarted.output()).isZero();
    long readyAt = load.elapsedMillis();
    Thread.sleep(5_000); // orders flowing through the restarted instance
    List<OpenLoopOrders.Sent> sent = load.stop();

    List<OpenLoopOrders.Sent> afterGrace =
        sent.stream().filter(order -> order.atMillis() >= killedAt + GRACE_MILLIS).toList();
    List<OpenLoopOrders.Sent> failedAfterGrace =
        afterGrace.stream().filter(order -> order.status() != 201).toList();
    List<OpenLoopOrders.Sent> failed =
        sent.stream().filter(order -> order.status() != 201).toList();
    long lastFailure =
        failed.stream().mapToLong(OpenLoopOrders.Sent::atMillis).max().orElse(killedAt);
    List<OpenLoopOrders.Sent> cutOff = sent.stream().filter(order -> !order.ended()).toList();
    Map<String, Integer> replayed =
        KeyReplays.untilEnded(
            stack,
            cutOff.stream()
                .map(order -> new KeyReplays.Keyed(order.idempotencyKey(), order.body()))
                .toList());

    AuditReport report =
        new Auditor(runSh.auditTarget(), Duration.ofSeconds(30), Duration.ofMinutes(5)).audit();
    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    report.print(new PrintStream(printed, true, StandardCharsets.UTF_8));
    System.out.printf(
        "kill -9 %s: %d orders sent (%.0f/s), %d failed, the last sent %d ms after the kill;"
            + " sent %d ms or more after it: %d, of which %d failed; down %d ms, ready again"
            + " %d ms after the restart; cut off and replayed: %s; failures: %s%n%s%n",
        victim,
        sent.size(),
        ORDERS_PER_SECOND,
        failed.size(),
        lastFailure - killedAt,
        GRACE_MILLIS,
        afterGrace.size(),
        failedAfterGrace.size(),
        restartedAt - killedAt,
        readyAt - restartedAt,
        replayed,
        failed.stream().limit(10).map(o -> o.status() + " " + o.outcome() + " " + o.why()).toList(),
        printed.toString(StandardCharsets.UTF_8));

    assertThat(afterGrace).as("orders sent after the grace").hasSizeGreaterThan(50);
    assertThat(failedAfterGrace.size())
        .as(
            "seed %d, %s killed: failed orders sent %d ms or more after the kill: %s",
            SEED, victim, GRACE_MILLIS, failedAfterGrace)
        .isLessThanOrEqualTo(afterGrace.size() / 100);
    assertThat(report.violations())
        .as("seed %d, %s killed:%n%s", SEED, victim, printed.toString(StandardCharsets.UTF_8))
        .isEmpty();
  }

  /**
   * An Idempotency-Key across orchestrators: the replay of a request that is still running on one
   * replica, sent straight to the other, waits for it and gives the same answer; one order, one
   * payment.
   */
  @Test
  @Order(0)
  void aReplayOnTheOtherOrchestratorGetsTheFirstOnesAnswer() throws Exception {
    String body =
        "{\"userId\":\"ha-user-0\",\"items\":[{\"productId\":\"ha-product-0\",\"quantity\":1}],"
            + "\"pointsToUse\":10,\"paymentMethod\":\"CARD\"}";
    // The stock step held back 3 s: the first request is still running when the replay comes.
    Map<String, String> headers =
        Map.of(
            "Idempotency-Key", "ha-replay-" + SEED, "X-Simulate-Failure", "stock-deduct:slow=3s");
    java.util.concurrent.CompletableFuture<StackClient.Answer> first =
        java.util.concurrent.CompletableFuture.supplyAsync(
            () -> {
              try {
                return stack.placeOrderAt(
                    runSh.url("ORCHESTRATOR_1_PORT"), body, headers, Duration.ofSeconds(60));
              } catch (Exception e) {
                throw new IllegalStateException(e);
              }
            });
    Thread.sleep(1_000);
    StackClient.Answer replay =
        stack.placeOrderAt(runSh.url("ORCHESTRATOR_2_PORT"), body, headers, Duration.ofSeconds(60));
    StackClient.Answer original = first.get(60, java.util.concurrent.TimeUnit.SECONDS);

    assertThat(original.status()).as(original.toString()).isEqualTo(201);
    assertThat(replay).isEqualTo(original);
    String orderId = original.body().path("orderId").asText();
    assertThat(stack.payments(orderId).body()).as("one payment").hasSize(1);
  }

  /**
   * A rolling restart of payment-service under load: each replica in turn gets SIGTERM (it reports
   * not-ready, HAProxy takes it out, it finishes what it has and exits), is started again and is
   * ready before the next: not one order fails.
   */
  @Test
  @Order(1)
  void aRollingRestartOfPaymentServiceFailsNoOrder() throws Exception {
    OpenLoopOrders load =
        new OpenLoopOrders(stack, ORDERS_PER_SECOND, random.nextLong(), USERS, PRODUCTS);
    load.start();
    Thread.sleep(5_000);
    List<String> restarted = new ArrayList<>();
    for (StackProcess replica : runSh.topology()) {
      if (!replica.name().startsWith("payment-service-")) {
        continue;
      }
      long pid = runSh.pid(replica.name()).orElseThrow();
      long stoppedAt = load.elapsedMillis();
      ProcessHandle.of(pid).ifPresent(ProcessHandle::destroy); // SIGTERM
      await().atMost(Duration.ofSeconds(60)).until(() -> !RunScript.alive(pid));
      long exitedAt = load.elapsedMillis();
      RunScript.Result started = runSh.run("ha");
      assertThat(started.exitCode()).as(started.output()).isZero();
      restarted.add(
          String.format(
              "%s exited %d ms after SIGTERM, ready again %d ms later",
              replica.name(), exitedAt - stoppedAt, load.elapsedMillis() - exitedAt));
      Thread.sleep(3_000);
    }
    List<OpenLoopOrders.Sent> sent = load.stop();
    List<OpenLoopOrders.Sent> failed =
        sent.stream().filter(order -> order.status() != 201).toList();
    System.out.printf(
        "rolling restart of payment-service: %s; %d orders sent (%.0f/s), %d failed: %s%n",
        restarted,
        sent.size(),
        ORDERS_PER_SECOND,
        failed.size(),
        failed.stream()
            .limit(10)
            .map(o -> o.status() + " " + o.outcome() + " " + o.why())
            .toList());

    assertThat(restarted).hasSize(2);
    assertThat(failed).as("orders failed during the rolling restart").isEmpty();
  }
}
