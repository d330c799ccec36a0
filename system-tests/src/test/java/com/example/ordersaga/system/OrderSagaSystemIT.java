package com.example.ordersaga.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.example.ordersaga.system.StackClient.Answer;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The order saga end to end on the real deployables, started as run.sh starts them: Narayana
 * coordinator, Kafka, the five services and the orchestrator, real HTTP and real LRA callbacks.
 * Every test asserts the answer and every database's end state (through the services' read APIs),
 * and afterwards that no LRA is left unfinished.
 */
class OrderSagaSystemIT {

  private static final long START_POINTS = 10_000;
  private static final long START_STOCK = 50;
  private static final long UNIT_PRICE = 1_000;
  private static final int QUANTITY = 2;
  private static final long POINTS_TO_USE = 500;
  private static final Duration SETTLE = Duration.ofSeconds(30);
  private static final Duration SAGA_TIME_LIMIT = Duration.ofSeconds(8);
  private static final Duration SLOW_STEP = Duration.ofSeconds(12);

  /** The coordinator changes no LRA without it; every deployable of the stack holds it. */
  private static final String COORDINATOR_TOKEN = "system-test-coordinator-token";

  private static final int NOTIFIER_REDELIVERIES = 3;

  /**
   * The saga's steps as the contract names them (docs/design.md §1), seen from outside: the
   * orchestrator's own step table (OrderSagaSteps) must produce exactly these.
   */
  private static final List<String> STEPS =
      List.of(
          "order-create",
          "payment-validate",
          "point-deduct",
          "payment-save",
          "stock-deduct",
          "order-complete");

  @TempDir static Path dataDir;
  private static RunScript runSh;
  private static StackClient stack;
  private static OrderEventsTap events;
  private String user;
  private String product;

  @BeforeAll
  static void startStack() throws Exception {
    // A short saga time limit, and a "slow" step that outlives it, for the timeout case.
    runSh =
        new RunScript(dataDir)
            .with("SAGA_TIMEOUT", SAGA_TIME_LIMIT.toSeconds() + "s")
            .with("SAGA_SLOW_DELAY", SLOW_STEP.toSeconds() + "s")
            // A short retry budget for step 7: 0.2 + 0.4 + 0.8 s, then the DLT.
            .with("NOTIFIER_MAX_REDELIVERIES", String.valueOf(NOTIFIER_REDELIVERIES))
            .with("NOTIFIER_INITIAL_DELAY", "200ms")
            .with("LRA_COORDINATOR_TOKEN", COORDINATOR_TOKEN);
    RunScript.Result started = runSh.run();
    assertThat(started.exitCode()).as(started.output()).isZero();
    stack = new StackClient(runSh);
    events = new OrderEventsTap("localhost:" + runSh.port("KAFKA_PORT"), "order-events");
  }

  @AfterAll
  static void stopStack() throws Exception {
    events.close();
    runSh.run("stop");
  }

  @BeforeEach
  void aliceAndAWidget() throws Exception {
    user = "alice-" + UUID.randomUUID();
    product = "widget-" + UUID.randomUUID();
    stack.givePoints(user, START_POINTS);
    stack.stockProduct(product, UNIT_PRICE, START_STOCK);
  }

  @AfterEach
  void everySagaEnded() {
    await().atMost(SETTLE).untilAsserted(() -> assertThat(stack.unfinishedLras()).isZero());
  }

  @Test
  void happyPathCompletesEverywhere() throws Exception {
    Answer answer = stack.placeOrder(order(POINTS_TO_USE), Map.of());

    assertThat(answer.status()).as(answer.body().toString()).isEqualTo(201);
    String orderId = answer.body().path("orderId").asText();
    assertThat(answer.body().path("status").asText()).isEqualTo("COMPLETED");
    assertThat(answer.body().path("totalAmount").asLong()).isEqualTo(QUANTITY * UNIT_PRICE);
    assertThat(answer.body().path("pointsUsed").asLong()).isEqualTo(POINTS_TO_USE);
    assertThat(answer.body().path("paidAmount").asLong())
        .isEqualTo(QUANTITY * UNIT_PRICE - POINTS_TO_USE);
    assertThat(answer.body().path("lraId").asText()).startsWith("http");

    assertThat(stack.order(orderId).body().path("status").asText()).isEqualTo("COMPLETED");
    assertThat(paymentStatuses(orderId)).containsExactly("CONFIRMED");
    assertThat(stack.balance(user)).isEqualTo(START_POINTS - POINTS_TO_USE);
    assertThat(stack.stock(product)).isEqualTo(START_STOCK - QUANTITY);
    assertOneOutcomeEvent(orderId, "ORDER_COMPLETED");
    awaitNotified(orderId);
    Answer view = stack.sagaView(orderId);
    assertThat(view.body().path("status").asText()).isEqualTo("COMPLETED");
    assertThat(view.body().path("steps").findValuesAsText("step")).containsExactlyElementsOf(STEPS);
  }

  /** The brief's branch: payment save fails → points refunded, order cancelled. */
  @Test
  void paymentSaveFailureRefundsPointsAndCancelsTheOrder() throws Exception {
    Answer answer = stack.placeOrder(order(POINTS_TO_USE), failing("payment-save"));

    String orderId = assertCancelled(answer, 409, "STEP_FAILED", "payment-save");
    assertThat(paymentStatuses(orderId)).isEmpty();
    assertNothingNetAnywhere(orderId, true, false);
  }

  /** The brief's branch: order completion fails → payment cancelled, points and stock restored. */
  @Test
  void orderCompletionFailureUndoesEverything() throws Exception {
    Answer answer = stack.placeOrder(order(POINTS_TO_USE), failing("order-complete"));

    String orderId = assertCancelled(answer, 409, "STEP_FAILED", "order-complete");
    assertThat(paymentStatuses(orderId)).containsExactly("CANCELLED");
    assertNothingNetAnywhere(orderId, true, true);
  }

  static Stream<Arguments> everyStepFailing() {
    return STEPS.stream()
        .flatMap(step -> Stream.of(Arguments.of(step), Arguments.of(step + ":after-commit")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("everyStepFailing")
  void anyStepFailingEndsCompensated(String failure) throws Exception {
    Answer answer = stack.placeOrder(order(POINTS_TO_USE), failing(failure));

    String step = failure.replace(":after-commit", "");
    String orderId = assertCancelled(answer, 409, "STEP_FAILED", step);
    // What the failed step left committed: nothing when it failed inside its transaction.
    boolean orderRecorded = !failure.equals("order-create");
    boolean paymentRecorded =
        STEPS.indexOf(step) > STEPS.indexOf("payment-save")
            || failure.equals("payment-save:after-commit");
    assertNothingNetAnywhere(orderId, orderRecorded, paymentRecorded);
  }

  @Test
  void insufficientPointsIsABusinessRejection() throws Exception {
    stack.givePoints(user, POINTS_TO_USE - 1);

    Answer answer = stack.placeOrder(order(POINTS_TO_USE), Map.of());

    String orderId = assertCancelled(answer, 409, "INSUFFICIENT_POINTS", "point-deduct");
    assertThat(stack.balance(user)).isEqualTo(POINTS_TO_USE - 1);
    assertThat(stack.stock(product)).isEqualTo(START_STOCK);
    assertThat(stack.order(orderId).body().path("status").asText()).isEqualTo("CANCELLED");
  }

  @Test
  void anUnknownUserIsABusinessRejection() throws Exception {
    user = "ghost-" + UUID.randomUUID(); // no point account

    Answer answer = stack.placeOrder(order(POINTS_TO_USE), Map.of());

    String orderId = assertCancelled(answer, 409, "UNKNOWN_USER", "point-deduct");
    assertThat(stack.order(orderId).body().path("status").asText()).isEqualTo("CANCELLED");
    assertThat(paymentStatuses(orderId)).isEmpty();
    assertThat(stack.stock(product)).isEqualTo(START_STOCK);
    assertOneOutcomeEvent(orderId, "ORDER_CANCELLED");
  }

  /** A card payment of nothing (the points cover the total): payment-validate declines it. */
  @Test
  void aPaymentTheRulesRefuseIsDeclined() throws Exception {
    Answer answer = stack.placeOrder(order(QUANTITY * UNIT_PRICE), Map.of());

    String orderId = assertCancelled(answer, 409, "PAYMENT_DECLINED", "payment-validate");
    assertNothingNetAnywhere(orderId, true, false);
  }

  /** Prices are quoted before the saga: an unknown product starts no LRA and writes nothing. */
  @Test
  void anUnknownProductIsRefusedBeforeAnySagaStarts() throws Exception {
    product = "no-such-product-" + UUID.randomUUID();

    Answer answer = stack.placeOrder(order(POINTS_TO_USE), Map.of());

    assertThat(answer.status()).as(answer.body().toString()).isEqualTo(409);
    assertThat(answer.body().path("status").asText()).isEqualTo("CANCELLED");
    assertThat(answer.body().path("reason").asText()).isEqualTo("UNKNOWN_PRODUCT");
    assertThat(answer.body().path("failedStep").asText()).isEqualTo("price-quote");
    assertThat(answer.body().path("lraId").isNull()).isTrue();
    String orderId = answer.body().path("orderId").asText();
    assertThat(stack.order(orderId).status()).isEqualTo(404);
    assertThat(stack.balance(user)).isEqualTo(START_POINTS);
    assertThat(events.eventsFor(orderId)).isEmpty();
  }

  @Test
  void outOfStockIsABusinessRejection() throws Exception {
    stack.stockProduct(product, UNIT_PRICE, QUANTITY - 1);

    Answer answer = stack.placeOrder(order(POINTS_TO_USE), Map.of());

    String orderId = assertCancelled(answer, 409, "OUT_OF_STOCK", "stock-deduct");
    assertThat(stack.balance(user)).isEqualTo(START_POINTS);
    assertThat(stack.stock(product)).isEqualTo(QUANTITY - 1);
    assertThat(paymentStatuses(orderId)).containsExactly("CANCELLED");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "{",
        "{\"userId\":\"u\",\"items\":[{\"productId\":\"p\",\"quantity\":0}],\"paymentMethod\":\"CARD\"}",
        "{\"userId\":\"u\",\"items\":[{\"productId\":\"p\",\"quantity\":\"two\"}],\"paymentMethod\":\"CARD\"}",
        "{\"userId\":\"u\",\"items\":[{\"productId\":\"p\",\"quantity\":1}],\"paymentMethod\":\"CASH\"}",
        "{\"userId\":\"\",\"items\":[],\"paymentMethod\":\"CARD\"}",
        "{\"userId\":\"u\",\"items\":[{\"productId\":\"p\",\"quantity\":1}],\"pointsToUse\":-1,\"paymentMethod\":\"CARD\"}"
      })
  void invalidInputIs400AndStartsNothing(String body) throws Exception {
    int lrasBefore = stack.unfinishedLras();

    Answer answer = stack.placeOrder(body, Map.of());

    assertThat(answer.status()).as(answer.body().toString()).isEqualTo(400);
    assertThat(answer.body().path("error").asText()).isEqualTo("VALIDATION_FAILED");
    assertThat(answer.body().path("violations")).isNotEmpty();
    assertThat(stack.unfinishedLras()).isEqualTo(lrasBefore);
  }

  @Test
  void pointsAboveTheTotalAre400NamingTheField() throws Exception {
    Answer answer = stack.placeOrder(order(QUANTITY * UNIT_PRICE + 1), Map.of());

    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.body().path("violations").findValuesAsText("field"))
        .containsExactly("pointsToUse");
    assertThat(stack.balance(user)).isEqualTo(START_POINTS);
  }

  @Test
  void idempotencyKeyReplaysTheAnswerWithoutASecondOrder() throws Exception {
    String key = "checkout-" + UUID.randomUUID();
    ExecutorService clients = Executors.newFixedThreadPool(5);
    List<Callable<Answer>> sameRequest =
        java.util.Collections.nCopies(
            5, () -> stack.placeOrder(order(POINTS_TO_USE), Map.of("Idempotency-Key", key)));
    List<Answer> answers = new java.util.ArrayList<>();
    for (Future<Answer> answer : clients.invokeAll(sameRequest)) {
      answers.add(answer.get());
    }
    clients.shutdown();

    assertThat(answers).extracting(Answer::status).containsOnly(201);
    assertThat(answers).extracting(Answer::body).allMatch(answers.get(0).body()::equals);
    assertThat(stack.balance(user)).isEqualTo(START_POINTS - POINTS_TO_USE);
    assertThat(stack.stock(product)).isEqualTo(START_STOCK - QUANTITY);
    String orderId = answers.get(0).body().path("orderId").asText();
    assertOneOutcomeEvent(orderId, "ORDER_COMPLETED");
    awaitNotified(orderId);
  }

  /** Step 7 with a flaky partner: retried with backoff until it answers, one notification. */
  @Test
  void aCompletionApiFailingThreeTimesIsRetriedUntilItAccepts() throws Exception {
    stack.completionApiBehaviour(Map.of("failNext", 3, "status", 503));

    Answer answer = stack.placeOrder(order(POINTS_TO_USE), Map.of());

    assertThat(answer.status()).as("the saga does not wait for step 7").isEqualTo(201);
    String orderId = answer.body().path("orderId").asText();
    awaitNotified(orderId);
    assertThat(stack.completionCalls(orderId).findValuesAsText("status"))
        .containsExactly("503", "503", "503", "201");
    assertThat(stack.notifications(orderId).findValuesAsText("attempt")).containsExactly("4");
  }

  /**
   * The partner failing for three times the retry budget of a call while orders keep completing:
   * nothing is parked, the events wait in Kafka, and within 60 s of the partner's return every
   * completed order is notified exactly once.
   */
  @Test
  void aCompletionApiDownPastTheRetryBudgetParksNothingAndNotifiesEachOrderOnItsReturn()
      throws Exception {
    stack.completionApiBehaviour(Map.of("failNext", 1_000_000, "status", 503));
    List<String> orderIds = new java.util.ArrayList<>();
    try (OrderEventsTap deadLetters =
        new OrderEventsTap("localhost:" + runSh.port("KAFKA_PORT"), "order-events.DLT")) {
      try {
        // A budget is a call and its redeliveries; three go by while orders keep completing.
        int threeBudgets = 3 * (1 + NOTIFIER_REDELIVERIES);
        while (orderIds.size() < 12 && failedCalls(orderIds) < threeBudgets) {
          orderIds.add(placeCompleted());
        }
        // Each time the notifier starts over on its record, camel-kafka reconnects its consumer
        // (breakOnFirstError): seconds per budget, more on a busy machine.
        await()
            .atMost(Duration.ofMinutes(2))
            .untilAsserted(
                () ->
                    assertThat(failedCalls(orderIds))
                        .as("503s answered to %d orders", orderIds.size())
                        .isGreaterThanOrEqualTo(threeBudgets));
      } finally {
        stack.completionApiBehaviour(Map.of());
      }

      await()
          .atMost(Duration.ofSeconds(60))
          .untilAsserted(
              () -> {
                for (String orderId : orderIds) {
                  assertThat(stack.notifications(orderId).findValuesAsText("orderId"))
                      .as("notifications of %s", orderId)
                      .containsExactly(orderId);
                }
              });
      for (String orderId : orderIds) {
        assertThat(stack.completionCalls(orderId).findValuesAsText("status"))
            .as("calls for %s", orderId)
            .containsOnlyOnce("201");
        assertThat(deadLetters.eventsFor(orderId)).as("parked: %s", orderId).isEmpty();
      }
    }
  }

  /** A refusal for good (a 4xx but 408/429) is parked at once and holds up no later order. */
  @Test
  void aCompletionApiRefusalIsParkedOnTheDltAndLaterOrdersFlow() throws Exception {
    stack.completionApiBehaviour(Map.of("failNext", 1, "status", 422));
    try (OrderEventsTap deadLetters =
        new OrderEventsTap("localhost:" + runSh.port("KAFKA_PORT"), "order-events.DLT")) {
      String refused = placeCompleted();
      await().atMost(SETTLE).until(() -> !deadLetters.eventsFor(refused).isEmpty());
      assertThat(deadLetters.eventsFor(refused))
          .singleElement()
          .satisfies(
              parked -> assertThat(parked.path("type").asText()).isEqualTo("ORDER_COMPLETED"));
      assertThat(stack.completionCalls(refused).findValuesAsText("status"))
          .as("not retried")
          .containsExactly("422");
      assertThat(stack.order(refused).body().path("status").asText())
          .as("step 7 never undoes the saga")
          .isEqualTo("COMPLETED");

      awaitNotified(placeCompleted());
    } finally {
      stack.completionApiBehaviour(Map.of());
    }
  }

  private int failedCalls(List<String> orderIds) throws Exception {
    int failed = 0;
    for (String orderId : orderIds) {
      failed +=
          (int)
              stack.completionCalls(orderId).findValuesAsText("status").stream()
                  .filter("503"::equals)
                  .count();
    }
    return failed;
  }

  private String placeCompleted() throws Exception {
    Answer answer = stack.placeOrder(order(1), Map.of());
    assertThat(answer.status()).as(answer.body().toString()).isEqualTo(201);
    return answer.body().path("orderId").asText();
  }

  private void awaitNotified(String orderId) {
    await()
        .atMost(SETTLE)
        .untilAsserted(
            () ->
                assertThat(stack.notifications(orderId).findValuesAsText("orderId"))
                    .containsExactly(orderId));
  }

  @Test
  void aServiceDownAnswers503AndTheSagaEndsCompensated() throws Exception {
    long pointService = runSh.pid("point-service").orElseThrow();
    ProcessHandle.of(pointService).orElseThrow().destroyForcibly();
    await().until(() -> !RunScript.alive(pointService));

    Answer answer = stack.placeOrder(order(POINTS_TO_USE), Map.of());

    String orderId = assertCancelled(answer, 503, "SERVICE_UNAVAILABLE", "point-deduct");
    assertThat(stack.order(orderId).body().path("status").asText()).isEqualTo("CANCELLED");
    assertThat(paymentStatuses(orderId)).isEmpty();
    assertThat(stack.stock(product)).isEqualTo(START_STOCK);

    RunScript.Result restarted = runSh.run();
    assertThat(restarted.exitCode()).as(restarted.output()).isZero();
    assertThat(restarted.output()).contains("point-service ready");
    assertThat(stack.balance(user)).isEqualTo(START_POINTS);
  }

  /**
   * The harder case: order-service has joined (its order PENDING) and goes down while stock-deduct
   * is held back (within the time limit). order-complete cannot reach it: 503, the saga is
   * cancelled, the other services compensate at once, and the order's compensation waits at the
   * coordinator until order-service is back; then the order is CANCELLED there too, with its event.
   */
  @Test
  void aJoinedServiceDownAnswers503AndIsCompensatedOnceItIsBack() throws Exception {
    ExecutorService client = Executors.newSingleThreadExecutor();
    try {
      Future<Answer> placing = placeHeldAtStockDeduct(client); // order-service has joined
      long orderService = runSh.pid("order-service").orElseThrow();
      ProcessHandle.of(orderService).orElseThrow().destroyForcibly();
      await().until(() -> !RunScript.alive(orderService));

      Answer answer = placing.get(SETTLE.toSeconds(), TimeUnit.SECONDS);

      String orderId = assertCancelled(answer, 503, "SERVICE_UNAVAILABLE", "order-complete");
      await()
          .atMost(SETTLE)
          .untilAsserted(
              () -> {
                assertThat(paymentStatuses(orderId)).containsExactly("CANCELLED");
                assertThat(stack.balance(user)).isEqualTo(START_POINTS);
                assertThat(stack.stock(product)).isEqualTo(START_STOCK);
              });
      assertThat(stack.lraStatus(answer.body().path("lraId").asText()))
          .as("the LRA, its compensation at order-service still owed")
          .isEqualTo("Cancelling");
      assertThat(events.eventsFor(orderId)).as("no outcome while order-service is down").isEmpty();

      restart("order-service");
      assertNothingNetAnywhere(orderId, true, true);
    } finally {
      client.shutdownNow();
      restart("order-service"); // whatever happened above, the next test gets the whole stack
    }
  }

  /**
   * The coordinator's API is not open: a cancel of someone's live order without the token (none, a
   * wrong one, another scheme) is 401 and changes nothing; the order completes.
   */
  @Test
  void aForgedCancelOfALiveOrderIsRefusedAndTheOrderCompletes() throws Exception {
    ExecutorService client = Executors.newSingleThreadExecutor();
    try {
      Future<Answer> placing = placeHeldAtStockDeduct(client);
      List<String> live = stack.activeLras();
      assertThat(live).as("this order's LRA, mid-saga").hasSize(1);
      String lraId = live.get(0);

      assertThat(stack.cancelLra(lraId, null)).isEqualTo(401);
      assertThat(stack.cancelLra(lraId, "Bearer not-" + COORDINATOR_TOKEN)).isEqualTo(401);
      assertThat(stack.cancelLra(lraId, "Basic " + COORDINATOR_TOKEN)).isEqualTo(401);
      assertThat(stack.lraStatus(lraId)).isEqualTo("Active");

      Answer answer = placing.get(SETTLE.toSeconds(), TimeUnit.SECONDS);
      assertThat(answer.status()).as(answer.body().toString()).isEqualTo(201);
      assertThat(answer.body().path("lraId").asText()).isEqualTo(lraId);
      String orderId = answer.body().path("orderId").asText();
      assertThat(stack.order(orderId).body().path("status").asText()).isEqualTo("COMPLETED");
      assertThat(paymentStatuses(orderId)).containsExactly("CONFIRMED");
      assertThat(stack.balance(user)).isEqualTo(START_POINTS - POINTS_TO_USE);
      assertThat(stack.stock(product)).isEqualTo(START_STOCK - QUANTITY);
    } finally {
      client.shutdownNow();
    }
  }

  /**
   * Places an order whose stock-deduct is held 4 s (within the limit); returns once past points.
   */
  private Future<Answer> placeHeldAtStockDeduct(ExecutorService client) {
    Future<Answer> placing =
        client.submit(
            () -> stack.placeOrder(order(POINTS_TO_USE), failing("stock-deduct:slow=4s")));
    await().atMost(SETTLE).until(() -> stack.balance(user) < START_POINTS);
    return placing;
  }

  private void restart(String process) throws Exception {
    RunScript.Result restarted = runSh.run();
    assertThat(restarted.exitCode()).as(restarted.output()).isZero();
    assertThat(runSh.pid(process)).isPresent();
  }

  /**
   * stock-deduct joins, then is held back past the saga's time limit: the client gets 504, the saga
   * is compensated (stock-deduct's compensation arrives before its action and fences it), and when
   * the late action finally runs it is refused and changes nothing.
   */
  @Test
  void aSagaPastItsTimeLimitAnswers504AndTheLateStepChangesNothing() throws Exception {
    Answer answer = stack.placeOrder(order(POINTS_TO_USE), failing("stock-deduct:slow"));

    String orderId = assertCancelled(answer, 504, "TIMEOUT", "stock-deduct");
    // The coordinator's own timer may still be compensating when the client is answered.
    await()
        .atMost(SETTLE.plus(SLOW_STEP))
        .untilAsserted(
            () -> {
              assertThat(paymentStatuses(orderId)).containsExactly("CANCELLED");
              assertThat(stack.balance(user)).isEqualTo(START_POINTS);
              assertThat(stack.stock(product)).isEqualTo(START_STOCK);
            });
    // Past the slow step's wake-up: the late deduction was fenced off, stock still untouched.
    await()
        .pollDelay(SLOW_STEP)
        .atMost(SLOW_STEP.plus(SETTLE))
        .untilAsserted(() -> assertThat(stack.stock(product)).isEqualTo(START_STOCK));
    assertNothingNetAnywhere(orderId, true, true);
  }

  /**
   * {@code ./run.sh demo} against this stack: one row per branch, each ending as it should in every
   * service (the saga timeout row waits for this stack's 8 s limit), then each order's event.
   */
  @Test
  void runShDemoShowsEveryBranchEndingAsItShould() throws Exception {
    RunScript.Result demo = runSh.run("demo");

    assertThat(demo.exitCode()).as(demo.output()).isZero();
    List<String> rows =
        List.of(
            "happy path 201 COMPLETED COMPLETED CONFIRMED 9500 8",
            "payment-save fails 409 CANCELLED STEP_FAILED@payment-save CANCELLED - 10000 10",
            "order-complete fails 409 CANCELLED STEP_FAILED@order-complete CANCELLED CANCELLED 10000 10",
            "order-create fails 409 CANCELLED STEP_FAILED@order-create - - 10000 10",
            "payment-validate fails 409 CANCELLED STEP_FAILED@payment-validate CANCELLED - 10000 10",
            "point-deduct fails 409 CANCELLED STEP_FAILED@point-deduct CANCELLED - 10000 10",
            "stock-deduct fails 409 CANCELLED STEP_FAILED@stock-deduct CANCELLED CANCELLED 10000 10",
            "payment after-commit 409 CANCELLED STEP_FAILED@payment-save CANCELLED CANCELLED 10000 10",
            "stock after-commit 409 CANCELLED STEP_FAILED@stock-deduct CANCELLED CANCELLED 10000 10",
            "insufficient points 409 CANCELLED INSUFFICIENT_POINTS@point-deduct CANCELLED - 100 10",
            "out of stock 409 CANCELLED OUT_OF_STOCK@stock-deduct CANCELLED CANCELLED 10000 1",
            "invalid input 400 - items[0].quantity@invalid - - 10000 10",
            "idempotent replay 201 COMPLETED COMPLETED CONFIRMED 9500 8",
            "partner 503 twice 201 COMPLETED COMPLETED CONFIRMED 9500 8",
            "saga timeout 504 CANCELLED TIMEOUT@stock-deduct CANCELLED CANCELLED 10000 10");
    List<String> printed =
        demo.output().lines().map(line -> line.trim().replaceAll("\\s+", " ")).toList();
    assertThat(printed).containsAll(rows);
    // The events table: order id, branch, event, completion calls (status@attempt).
    assertThat(printed)
        .anyMatch(line -> line.matches("[0-9a-f-]{36} happy path ORDER_COMPLETED 201@1"))
        .anyMatch(
            line ->
                line.matches("[0-9a-f-]{36} partner 503 twice ORDER_COMPLETED 503@1,503@2,201@3"))
        .anyMatch(line -> line.matches("[0-9a-f-]{36} saga timeout ORDER_CANCELLED -"));
  }

  /**
   * Every line a Spring Boot deployable logs about an order names it and its LRA in the MDC: the
   * steps, the coordinator's compensation and completion callbacks (a fenced refund among them),
   * the outcome's notification and the partner's receipt.
   */
  @Test
  void everyLogLineAboutAnOrderCarriesItsIds() throws Exception {
    // point-deduct fails inside its transaction after joining: its refund is fenced.
    String cancelled =
        assertCancelled(
            stack.placeOrder(order(POINTS_TO_USE), failing("point-deduct")),
            409,
            "STEP_FAILED",
            "point-deduct");
    Answer answer = stack.placeOrder(order(POINTS_TO_USE), Map.of());
    assertThat(answer.status()).as(answer.body().toString()).isEqualTo(201);
    String completed = answer.body().path("orderId").asText();
    awaitNotified(completed);
    await().atMost(SETTLE).until(() -> stack.unfinishedLras() == 0);

    Map<String, List<String>> logged = new HashMap<>();
    for (String process : SPRING_BOOT_PROCESSES) {
      logged.put(process, logEvents(process));
    }
    for (String orderId : List.of(cancelled, completed)) {
      String lraId = stack.order(orderId).body().path("lraId").asText();
      String ids = "[order=" + orderId + " lra=" + lraId + "]";
      logged.forEach(
          (process, lines) ->
              assertThat(lines)
                  .as("%s's lines about %s", process, orderId)
                  .filteredOn(line -> mentions(line, orderId) || mentions(line, lraId))
                  .allSatisfy(line -> assertThat(line).contains(ids)));
    }
    // The lines that had no ids before: there is something to check in each of these.
    assertThat(logged.get("point-service"))
        .anySatisfy(line -> assertThat(line).contains("fenced", "[order=" + cancelled + " "));
    assertThat(logged.get("order-service"))
        .anySatisfy(line -> assertThat(line).contains("cancelled", "[order=" + cancelled + " "))
        .anySatisfy(line -> assertThat(line).contains("closed", "[order=" + completed + " "));
    assertThat(logged.get("completion-api"))
        .anySatisfy(line -> assertThat(line).contains("[order=" + completed + " lra=http"));
  }

  /** Whether a log line's message (past the logger's name) names {@code id}. */
  private static boolean mentions(String line, String id) {
    int message = line.indexOf(" : ");
    return message >= 0 && line.indexOf(id, message) >= 0;
  }

  /** A process's log events: their first lines (a stack trace's lines follow them unprefixed). */
  private static List<String> logEvents(String process) throws IOException {
    return runSh.logLines(process).stream()
        .filter(line -> LOG_EVENT_START.matcher(line).lookingAt())
        .toList();
  }

  private static final Pattern LOG_EVENT_START = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T");

  private static final List<String> SPRING_BOOT_PROCESSES =
      List.of(
          "orchestrator",
          "order-service",
          "payment-service",
          "point-service",
          "product-service",
          "completion-api");

  @Test
  void unknownOrderIs404() throws Exception {
    assertThat(stack.sagaView("no-such-order").status()).isEqualTo(404);
  }

  private String assertCancelled(Answer answer, int status, String reason, String failedStep)
      throws Exception {
    assertThat(answer.status()).as(answer.body().toString()).isEqualTo(status);
    assertThat(answer.body().path("status").asText()).isEqualTo("CANCELLED");
    assertThat(answer.body().path("reason").asText()).isEqualTo(reason);
    assertThat(answer.body().path("failedStep").asText()).isEqualTo(failedStep);
    String orderId = answer.body().path("orderId").asText();
    await()
        .atMost(SETTLE)
        .untilAsserted(
            () -> {
              Answer view = stack.sagaView(orderId);
              assertThat(view.body().path("status").asText()).isEqualTo("CANCELLED");
              assertThat(view.body().path("reason").asText()).isEqualTo(reason);
            });
    return orderId;
  }

  /**
   * A cancelled order leaves no net effect: points and stock as before, the order (if it was
   * recorded) and its payment (if one was saved) cancelled.
   */
  private void assertNothingNetAnywhere(
      String orderId, boolean orderRecorded, boolean paymentRecorded) throws Exception {
    await()
        .atMost(SETTLE)
        .untilAsserted(
            () -> {
              assertThat(stack.balance(user)).isEqualTo(START_POINTS);
              assertThat(stack.stock(product)).isEqualTo(START_STOCK);
              Answer order = stack.order(orderId);
              if (orderRecorded) {
                assertThat(order.status()).isEqualTo(200);
                assertThat(order.body().path("status").asText()).isEqualTo("CANCELLED");
              } else {
                assertThat(order.status()).isEqualTo(404);
              }
              assertThat(stack.completionCalls(orderId)).as("no completion call").isEmpty();
              if (paymentRecorded) {
                assertThat(paymentStatuses(orderId)).containsExactly("CANCELLED");
              } else {
                assertThat(paymentStatuses(orderId)).isEmpty();
              }
            });
    if (orderRecorded) {
      assertOneOutcomeEvent(orderId, "ORDER_CANCELLED");
    } else {
      // An order order-service never held has no final state there, hence no event.
      assertThat(events.eventsFor(orderId)).isEmpty();
    }
  }

  /**
   * The order's outcome on order-events: exactly one event, of this type, with the order's figures.
   * (The relay polls its outbox, so the event may trail the HTTP answer briefly.)
   */
  private void assertOneOutcomeEvent(String orderId, String type) throws Exception {
    await().atMost(SETTLE).until(() -> !events.eventsFor(orderId).isEmpty());
    Answer order = stack.order(orderId);
    assertThat(events.eventsFor(orderId))
        .singleElement()
        .satisfies(
            event -> {
              assertThat(event.path("type").asText()).isEqualTo(type);
              assertThat(event.path("eventId").asText()).hasSize(36);
              assertThat(event.path("userId").asText()).isEqualTo(user);
              assertThat(event.path("lraId").asText())
                  .isEqualTo(order.body().path("lraId").asText());
              assertThat(event.path("totalAmount").asLong())
                  .isEqualTo(order.body().path("totalAmount").asLong());
              assertThat(event.path("pointsUsed").asLong())
                  .isEqualTo(order.body().path("pointsUsed").asLong());
              assertThat(event.path("paidAmount").asLong())
                  .isEqualTo(order.body().path("paidAmount").asLong());
              assertThat(event.path("occurredAt").asText()).isNotBlank();
            });
  }

  private List<String> paymentStatuses(String orderId) throws Exception {
    return stack.payments(orderId).body().findValuesAsText("status");
  }

  private String order(long pointsToUse) {
    return "{\"userId\":\""
        + user
        + "\",\"items\":[{\"productId\":\""
        + product
        + "\",\"quantity\":"
        + QUANTITY
        + "}],\"pointsToUse\":"
        + pointsToUse
        + ",\"paymentMethod\":\"CARD\"}";
  }

  private static Map<String, String> failing(String step) {
    return Map.of("X-Simulate-Failure", step);
  }
}
