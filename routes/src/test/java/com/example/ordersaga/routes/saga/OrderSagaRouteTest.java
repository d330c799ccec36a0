package com.example.ordersaga.routes.saga;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.example.ordersaga.routes.OrchestratorHttp;
import com.example.ordersaga.routes.OrchestratorOnH2;
import com.example.ordersaga.routes.api.OrderPlacement;
import com.example.ordersaga.routes.pricing.OrderPricing;
import com.example.ordersaga.routes.view.SagaView;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.AdviceWith;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.model.SagaPropagation;
import org.apache.camel.model.ToDefinition;
import org.apache.camel.saga.CamelSagaCoordinator;
import org.apache.camel.saga.CamelSagaService;
import org.apache.camel.saga.CamelSagaStep;
import org.apache.camel.saga.InMemorySagaService;
import org.apache.camel.test.spring.junit5.UseAdviceWith;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The saga route on Camel's in-memory saga service, every service call replaced by a mock: which
 * steps run, in which order, what the client is told, and that the saga ends compensated (never
 * completed) whenever a step fails.
 */
@OrchestratorOnH2
@UseAdviceWith
@AutoConfigureObservability(tracing = false)
class OrderSagaRouteTest {

  private static final List<String> STEPS = OrderSagaSteps.names();

  /** The steps whose service joins the LRA with a compensation and a completion. */
  private static final List<String> JOINED =
      OrderSagaSteps.STEPS.stream().filter(SagaStep::joinsTheLra).map(SagaStep::name).toList();

  private static final long UNIT_PRICE = 1_000;

  @Autowired CamelContext camel;
  @LocalServerPort int port;
  @Autowired JdbcTemplate jdbc;
  @Autowired MeterRegistry metrics;
  @Autowired com.example.ordersaga.routes.view.SagaView view;
  private final ObjectMapper json = new ObjectMapper();
  private final HttpClient http = HttpClient.newHttpClient();
  private final List<String> calls = new CopyOnWriteArrayList<>();

  @TestConfiguration
  static class InMemorySagaAndFixedPrices {
    @Bean
    CamelSagaService sagaService() {
      return new CloseFailingSagaService();
    }

    @Bean
    @Primary
    OrderPricing fixedPrices() {
      return new OrderPricing(
          (orderId, productIds) ->
              productIds.stream().collect(Collectors.toMap(id -> id, id -> UNIT_PRICE)));
    }
  }

  /**
   * The in-memory saga service, whose next close can be made to fail as if the coordinator died
   * while it was asked to close the LRA.
   */
  static class CloseFailingSagaService extends InMemorySagaService {
    static final AtomicBoolean failNextClose = new AtomicBoolean();

    @Override
    public CompletableFuture<CamelSagaCoordinator> newSaga(Exchange exchange) {
      return super.newSaga(exchange).thenApply(CloseFailing::new);
    }

    /** How {@code saga:complete} finds the saga (by the LRA header): the same wrapper. */
    @Override
    public CompletableFuture<CamelSagaCoordinator> getSaga(String id) {
      return super.getSaga(id).thenApply(saga -> saga == null ? null : new CloseFailing(saga));
    }

    private record CloseFailing(CamelSagaCoordinator saga) implements CamelSagaCoordinator {
      @Override
      public String getId() {
        return saga.getId();
      }

      @Override
      public CompletableFuture<Void> beginStep(Exchange exchange, CamelSagaStep step) {
        return saga.beginStep(exchange, step);
      }

      @Override
      public CompletableFuture<Void> compensate(Exchange exchange) {
        return saga.compensate(exchange);
      }

      @Override
      public CompletableFuture<Void> complete(Exchange exchange) {
        return failNextClose.getAndSet(false)
            ? CompletableFuture.failedFuture(new IOException("coordinator gone"))
            : saga.complete(exchange);
      }
    }
  }

  /**
   * Stand-ins for the services: like the real ones, each joins the LRA (MANDATORY) with its own
   * compensation and completion, so the saga's callbacks become visible to the test.
   */
  static class FakeServices extends RouteBuilder {
    @Override
    public void configure() {
      for (String step : STEPS) {
        if (JOINED.contains(step)) {
          from("direct:service-" + step)
              .routeId("service-" + step)
              .saga()
              .propagation(SagaPropagation.MANDATORY)
              .compensation("mock:compensate-" + step)
              .completion("mock:complete-" + step)
              .to("mock:" + step);
        } else {
          from("direct:service-" + step).routeId("service-" + step).to("mock:" + step);
        }
      }
    }
  }

  static List<String> stepNames() {
    return STEPS;
  }

  @BeforeEach
  void mockEveryServiceCall() throws Exception {
    if (!camel.isStarted()) {
      for (String step : STEPS) {
        AdviceWith.adviceWith(
            camel,
            "step-" + step, // SagaStep.routeId(): the id Hawtio and the advice know it by
            route -> route.weaveByType(ToDefinition.class).replace().to("direct:service-" + step));
      }
      camel.addRoutes(new FakeServices());
      camel.start();
    }
    MockEndpoint.resetMocks(camel);
    CloseFailingSagaService.failNextClose.set(false);
    calls.clear();
    for (String step : STEPS) {
      answer(step, 200, "{}");
    }
    for (String step : JOINED) {
      record("compensate-" + step);
      record("complete-" + step);
    }
  }

  @Test
  void happyPathRunsEveryStepOnceInOrderAndCompletes() throws Exception {
    for (String step : STEPS) {
      mock(step).expectedMessageCount(1);
      mock(step)
          .expectedHeaderReceived(
              Exchange.HTTP_METHOD, step.equals("order-complete") ? "PUT" : "POST");
    }

    HttpResponse<String> answer = placeOrder(validOrder(), Map.of());

    assertThat(status(answer)).isEqualTo(201);
    JsonNode body = body(answer);
    assertThat(body.path("status").asText()).isEqualTo("COMPLETED");
    assertThat(body.path("totalAmount").asLong()).isEqualTo(2 * UNIT_PRICE);
    assertThat(body.path("paidAmount").asLong()).isEqualTo(2 * UNIT_PRICE - 500);
    MockEndpoint.assertIsSatisfied(camel);
    assertThat(callOrder()).startsWith(STEPS.toArray(String[]::new));
    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(
            () ->
                assertThat(callOrder().subList(STEPS.size(), callOrder().size()))
                    .as("after the steps: each joined service's completion, once; no compensation")
                    .containsExactlyInAnyOrderElementsOf(
                        JOINED.stream().map(s -> "complete-" + s).toList()));
    assertThat(sagaStatus(body.path("orderId").asText())).isEqualTo("COMPLETED");
  }

  @ParameterizedTest
  @MethodSource("stepNames")
  void aFailingStepStopsTheSagaAndCompensatesIt(String failing) throws Exception {
    answer(failing, 500, "{\"reason\":\"STEP_FAILED\"}");
    int failingIndex = STEPS.indexOf(failing);

    HttpResponse<String> answer = placeOrder(validOrder(), Map.of());

    assertThat(status(answer)).isEqualTo(409);
    JsonNode body = body(answer);
    assertThat(body.path("status").asText()).isEqualTo("CANCELLED");
    assertThat(body.path("reason").asText()).isEqualTo("STEP_FAILED");
    assertThat(body.path("failedStep").asText()).isEqualTo(failing);
    List<String> ran = STEPS.subList(0, failingIndex + 1);
    List<String> compensations = new ArrayList<>();
    for (String step : ran) {
      if (JOINED.contains(step)) {
        compensations.add(0, "compensate-" + step);
      }
    }
    // The in-memory saga runs the compensations after the answer, on its own thread.
    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(
            () ->
                assertThat(callOrder())
                    .as(
                        "the steps up to the failing one, then the joined ones compensated in"
                            + " reverse order")
                    .containsExactlyElementsOf(concat(ran, compensations)));
    assertThat(sagaStatus(body.path("orderId").asText())).isEqualTo("CANCELLED");
  }

  @Test
  void aBusinessRejectionCarriesTheServicesReason() throws Exception {
    answer("point-deduct", 409, "{\"error\":\"REJECTED\",\"reason\":\"INSUFFICIENT_POINTS\"}");

    HttpResponse<String> answer = placeOrder(validOrder(), Map.of());

    assertThat(status(answer)).isEqualTo(409);
    assertThat(body(answer).path("reason").asText()).isEqualTo("INSUFFICIENT_POINTS");
    assertThat(body(answer).path("failedStep").asText()).isEqualTo("point-deduct");
    // An answer, not an error: the route ends the saga with saga:compensate and stops there.
    awaitCalls(
        "the steps so far, then the joined ones compensated in reverse order",
        "order-create",
        "payment-validate",
        "point-deduct",
        "compensate-point-deduct",
        "compensate-order-create");
    assertThat(sagaStatus(body(answer).path("orderId").asText())).isEqualTo("CANCELLED");
  }

  /**
   * A 404 with the service's own NOT_FOUND body is the step failing; a bare 404 (Spring's page: a
   * service whose web server is up before its routes) is the service not being there yet.
   */
  @Test
  void aBare404IsAServiceNotThereYetWhileTheServicesOwn404IsAFailedStep() throws Exception {
    answer("order-complete", 404, "{\"error\":\"NOT_FOUND\",\"message\":\"no order\"}");
    HttpResponse<String> notFound = placeOrder(validOrder(), Map.of());
    answer("order-complete", 404, "{\"timestamp\":\"…\",\"status\":404,\"error\":\"Not Found\"}");
    HttpResponse<String> starting = placeOrder(validOrder(), Map.of());

    assertThat(status(notFound)).isEqualTo(409);
    assertThat(body(notFound).path("reason").asText()).isEqualTo("STEP_FAILED");
    assertThat(status(starting)).isEqualTo(503);
    assertThat(body(starting).path("reason").asText()).isEqualTo("SERVICE_UNAVAILABLE");
  }

  @Test
  void aStepPastTheTimeLimitTimesTheSagaOut() throws Exception {
    mock("point-deduct")
        .whenAnyExchangeReceived(
            exchange -> {
              calls.add("point-deduct");
              Thread.sleep(2_500); // The mocked service answers after the 2 s saga limit.
              exchange.getMessage().setHeader(Exchange.HTTP_RESPONSE_CODE, 200);
              exchange.getMessage().setBody("{}");
            });

    HttpResponse<String> answer = placeOrder(validOrder(), Map.of());

    assertThat(status(answer)).isEqualTo(504);
    assertThat(body(answer).path("reason").asText()).isEqualTo("TIMEOUT");
    // point-deduct answered, but too late: the saga's time was up before payment-save could begin.
    assertThat(body(answer).path("failedStep").asText()).isEqualTo("payment-save");
    awaitCalls(
        "the steps so far, then the joined ones compensated in reverse order",
        "order-create",
        "payment-validate",
        "point-deduct",
        "compensate-point-deduct",
        "compensate-order-create");
    assertThat(mock("payment-save").getReceivedCounter()).isZero();
    assertThat(sagaStatus(body(answer).path("orderId").asText())).isEqualTo("CANCELLED");
  }

  @Test
  void everyLogLineOfTheSagaCarriesTheOrderAndLraIds() throws Exception {
    Logger stepCalls = (Logger) LoggerFactory.getLogger(StepCalls.class);
    Level before = stepCalls.getLevel();
    stepCalls.setLevel(Level.DEBUG);
    ListAppender<ILoggingEvent> lines = new ListAppender<>();
    lines.start();
    Logger root = (Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME);
    root.addAppender(lines);
    try {
      answer("stock-deduct", 409, "{\"error\":\"REJECTED\",\"reason\":\"OUT_OF_STOCK\"}");

      JsonNode body = body(placeOrder(validOrder(), Map.of()));

      List<String> sagaLoggers =
          List.of(
              OrderPlacement.class.getName(),
              OrderSagaRoute.class.getName(),
              StepCalls.class.getName(),
              SagaView.class.getName());
      List<ILoggingEvent> sagaLines;
      String orderId = body.path("orderId").asText();
      // The compensation callback runs after the answer, on the saga service's thread.
      await()
          .atMost(Duration.ofSeconds(10))
          .until(() -> linesOf(lines, sagaLoggers).contains("order " + orderId + " compensated"));
      sagaLines =
          lines.list.stream().filter(line -> sagaLoggers.contains(line.getLoggerName())).toList();
      assertThat(sagaLines)
          .extracting(ILoggingEvent::getFormattedMessage)
          .as("start, each step's answer (on the request's thread), the compensation callback")
          .contains(
              "saga started for order " + orderId + " (" + body.path("lraId").asText() + ")",
              "order-create answered 200",
              "stock-deduct answered 409",
              "order " + orderId + " compensated");
      assertThat(sagaLines)
          .allSatisfy(
              line ->
                  assertThat(line.getMDCPropertyMap())
                      .as(line.getFormattedMessage())
                      .containsEntry("orderId", orderId)
                      .containsEntry("lraId", body.path("lraId").asText()));
    } finally {
      root.detachAppender(lines);
      stepCalls.setLevel(before);
    }
  }

  /** An order recorded by an orchestrator that died before starting its LRA does not hang. */
  @Test
  void anOrderWhoseSagaNeverStartedIsCancelledAfterTheTimeLimit() throws Exception {
    String stale = "stale-" + UUID.randomUUID();
    String started = "started-" + UUID.randomUUID();
    for (String orderId : List.of(stale, started)) {
      jdbc.update(
          "INSERT INTO saga_order (order_id, user_id, items, status, total_amount, points_used,"
              + " paid_amount, created_at, updated_at) VALUES (?, 'alice', '[]', 'PENDING', 0, 0, 0,"
              + " CURRENT_TIMESTAMP - INTERVAL '10' MINUTE, CURRENT_TIMESTAMP)",
          orderId);
    }
    jdbc.update("UPDATE saga_order SET lra_id = 'http://lra/1' WHERE order_id = ?", started);

    view.abandonOpenedBefore(java.time.Instant.now().minusSeconds(60));

    assertThat(sagaStatus(stale)).isEqualTo("CANCELLED");
    assertThat(
            jdbc.queryForObject(
                "SELECT reason FROM saga_order WHERE order_id = ?", String.class, stale))
        .isEqualTo("TIMEOUT");
    assertThat(sagaStatus(started)).as("its LRA's callbacks end it").isEqualTo("PENDING");
  }

  @Test
  void invalidInputStartsNoSaga() throws Exception {
    HttpResponse<String> answer =
        placeOrder("{\"userId\":\"u\",\"items\":[],\"paymentMethod\":\"CARD\"}", Map.of());

    assertThat(status(answer)).isEqualTo(400);
    assertThat(body(answer).path("violations").findValuesAsText("field")).containsExactly("items");
    assertThat(callOrder()).isEmpty();
  }

  @Test
  void idempotencyKeyReplayRunsOneSaga() throws Exception {
    String key = "key-" + UUID.randomUUID();

    HttpResponse<String> first = placeOrder(validOrder(), Map.of("Idempotency-Key", key));
    HttpResponse<String> replay = placeOrder(validOrder(), Map.of("Idempotency-Key", key));

    assertThat(status(replay)).isEqualTo(status(first)).isEqualTo(201);
    assertThat(replay.body()).isEqualTo(first.body());
    assertThat(callOrder().stream().filter(STEPS::contains)).containsExactlyElementsOf(STEPS);
  }

  @Test
  void theKeyReusedForAnotherOrderIs422AndRunsNoSecondSaga() throws Exception {
    String key = "key-" + UUID.randomUUID();
    assertThat(status(placeOrder(validOrder(), Map.of("Idempotency-Key", key)))).isEqualTo(201);
    calls.clear();

    HttpResponse<String> other =
        placeOrder(
            validOrder().replace("\"quantity\":2", "\"quantity\":3"),
            Map.of("Idempotency-Key", key));

    assertThat(status(other)).isEqualTo(422);
    assertThat(body(other).path("error").asText()).isEqualTo("IDEMPOTENCY_KEY_MISMATCH");
    assertThat(body(other).path("violations").findValuesAsText("field"))
        .containsExactly("Idempotency-Key");
    assertThat(callOrder().stream().filter(STEPS::contains)).as("no step called").isEmpty();
  }

  @Test
  void aCloseWithUnknownOutcomeAnswersPendingUntilTheCoordinatorDecides() throws Exception {
    String key = "key-" + UUID.randomUUID();
    CloseFailingSagaService.failNextClose.set(true);

    HttpResponse<String> first = placeOrder(validOrder(), Map.of("Idempotency-Key", key));

    assertThat(status(first)).isEqualTo(503);
    JsonNode body = body(first);
    String orderId = body.path("orderId").asText();
    assertThat(body.path("status").asText()).isEqualTo("PENDING");
    assertThat(body.path("reason").asText()).isEqualTo("SERVICE_UNAVAILABLE");
    assertThat(first.headers().firstValue("Location")).hasValue("/api/orders/" + orderId);
    assertThat(sagaStatus(orderId)).as("not taken for cancelled").isEqualTo("PENDING");
    assertThat(status(placeOrder(validOrder(), Map.of("Idempotency-Key", key)))).isEqualTo(503);

    // The coordinator recorded the close after all: its callback to the orchestrator arrives.
    camel
        .createProducerTemplate()
        .sendBodyAndHeader("direct:order-saga-completed", "", "orderId", orderId);

    HttpResponse<String> replay = placeOrder(validOrder(), Map.of("Idempotency-Key", key));
    assertThat(status(replay)).isEqualTo(201);
    assertThat(body(replay).path("status").asText()).isEqualTo("COMPLETED");
    assertThat(body(replay).path("orderId").asText()).isEqualTo(orderId);
    assertThat(replay.headers().firstValue("Location")).hasValue("/api/orders/" + orderId);
    assertThat(sagaStatus(orderId)).isEqualTo("COMPLETED");
    assertThat(callOrder().stream().filter(STEPS::contains)).containsExactlyElementsOf(STEPS);
  }

  @Test
  void theOrderListShowsEverySagasOutcomeAsItsOwnReadDoesLessItemsAndSteps() throws Exception {
    JsonNode completed = body(placeOrder(validOrder(), Map.of()));
    answer("point-deduct", 409, "{\"error\":\"REJECTED\",\"reason\":\"INSUFFICIENT_POINTS\"}");
    JsonNode cancelled = body(placeOrder(validOrder(), Map.of()));

    HttpResponse<String> answer = get("/api/orders", null);

    assertThat(status(answer)).as(answer.body()).isEqualTo(200);
    List<String> ids = body(answer).findValuesAsText("orderId");
    String completedId = completed.path("orderId").asText();
    String cancelledId = cancelled.path("orderId").asText();
    assertThat(ids).doesNotHaveDuplicates().containsSubsequence(completedId, cancelledId);
    for (String orderId : List.of(completedId, cancelledId)) {
      JsonNode listed = body(answer).get(ids.indexOf(orderId));
      assertThat(listed.fieldNames())
          .toIterable()
          .containsExactly(
              "orderId",
              "status",
              "lraId",
              "userId",
              "totalAmount",
              "pointsUsed",
              "paidAmount",
              "reason");
      ObjectNode alone = (ObjectNode) body(get("/api/orders/" + orderId, null));
      alone.remove(List.of("items", "steps"));
      assertThat(listed).isEqualTo(alone);
    }
    JsonNode listedCompleted = body(answer).get(ids.indexOf(completedId));
    assertThat(listedCompleted.path("status").asText()).isEqualTo("COMPLETED");
    assertThat(listedCompleted.path("lraId").asText()).isEqualTo(completed.path("lraId").asText());
    assertThat(listedCompleted.path("paidAmount").asLong())
        .isEqualTo(completed.path("paidAmount").asLong());
    assertThat(listedCompleted.path("reason").isNull()).isTrue();
    JsonNode listedCancelled = body(answer).get(ids.indexOf(cancelledId));
    assertThat(listedCancelled.path("status").asText()).isEqualTo("CANCELLED");
    assertThat(listedCancelled.path("reason").asText()).isEqualTo("INSUFFICIENT_POINTS");
    assertThat(listedCancelled.path("lraId").asText()).isEqualTo(cancelled.path("lraId").asText());
  }

  private HttpResponse<String> get(String path, String basicCredentials) throws Exception {
    return OrchestratorHttp.get(port, path, basicCredentials);
  }

  /** The saga's callbacks run after its answer, on the saga service's thread. */
  private void awaitCalls(String description, String... expected) {
    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(() -> assertThat(callOrder()).as(description).containsExactly(expected));
  }

  /** Through the REST DSL endpoint, as a client calls it. */
  private static List<String> linesOf(ListAppender<ILoggingEvent> lines, List<String> loggers) {
    return List.copyOf(lines.list).stream()
        .filter(line -> loggers.contains(line.getLoggerName()))
        .map(ILoggingEvent::getFormattedMessage)
        .toList();
  }

  /**
   * A saga's compensations and completions run after its answer: wait until they stopped, so that
   * none lands in the next test's record of calls.
   */
  @AfterEach
  void sagaCallbacksSettled() {
    AtomicInteger seen = new AtomicInteger(-1);
    await()
        .pollInterval(Duration.ofMillis(300))
        .atMost(Duration.ofSeconds(15))
        .until(() -> seen.getAndSet(calls.size()) == calls.size());
  }

  /**
   * One completed and one compensated order move the saga metrics by exactly one each, with their
   * tags, however many times the route and the compensation callback record the end; Prometheus
   * reads them at /actuator/prometheus.
   */
  @Test
  void oneCompletedAndOneCompensatedOrderCountOnceEachInTheMetrics() throws Exception {
    double completedBefore = count("saga.orders", "status", "COMPLETED", "reason", "none");
    double failedBefore = count("saga.orders", "status", "CANCELLED", "reason", "STEP_FAILED");
    long completedTimed = timed("COMPLETED");
    long cancelledTimed = timed("CANCELLED");
    Map<String, Long> stepsBefore = stepsTimed();

    assertThat(status(placeOrder(validOrder(), Map.of()))).isEqualTo(201);
    Map<String, Long> stepsAfter = stepsTimed();
    for (SagaStep step : OrderSagaSteps.STEPS) {
      assertThat(stepsAfter.get(step.name()) - stepsBefore.get(step.name()))
          .as("calls of %s timed", step.name())
          .isEqualTo(1);
    }
    answer("payment-save", 500, "{\"reason\":\"STEP_FAILED\"}");
    assertThat(status(placeOrder(validOrder(), Map.of()))).isEqualTo(409);
    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> callOrder().contains("compensate-order-create"));
    sagaCallbacksSettled();

    assertThat(count("saga.orders", "status", "COMPLETED", "reason", "none") - completedBefore)
        .isEqualTo(1);
    assertThat(count("saga.orders", "status", "CANCELLED", "reason", "STEP_FAILED") - failedBefore)
        .isEqualTo(1);
    assertThat(timed("COMPLETED") - completedTimed).isEqualTo(1);
    assertThat(timed("CANCELLED") - cancelledTimed).isEqualTo(1);
    String scraped =
        http.send(
                HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/actuator/prometheus"))
                    .build(),
                HttpResponse.BodyHandlers.ofString())
            .body();
    assertThat(scraped)
        .contains(
            "saga_orders_total{application=\"orchestrator\",reason=\"none\",status=\"COMPLETED\"}",
            "saga_orders_total{application=\"orchestrator\",reason=\"STEP_FAILED\",status=\"CANCELLED\"}",
            "saga_duration_seconds_bucket{application=\"orchestrator\",status=\"COMPLETED\"",
            "saga_step_duration_seconds_bucket{application=\"orchestrator\",step=\"point-deduct\"",
            "idempotency_replays_total",
            "camel_exchanges_total{application=\"orchestrator\",camel_context=");
    assertThat(scraped).containsPattern("camel_exchanges_total\\{[^}]*route_id=\"order-saga\"");
  }

  private double count(String name, String... tags) {
    Counter counter = metrics.find(name).tags(tags).counter();
    return counter == null ? 0 : counter.count();
  }

  private Map<String, Long> stepsTimed() {
    Map<String, Long> counts = new HashMap<>();
    for (SagaStep step : OrderSagaSteps.STEPS) {
      Timer timer = metrics.find("saga.step.duration").tag("step", step.name()).timer();
      counts.put(step.name(), timer == null ? 0 : timer.count());
    }
    return counts;
  }

  private long timed(String status) {
    Timer timer = metrics.find("saga.duration").tag("status", status).timer();
    return timer == null ? 0 : timer.count();
  }

  private HttpResponse<String> placeOrder(String body, Map<String, String> headers)
      throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/orders"))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body));
    headers.forEach(request::header);
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private String validOrder() {
    return "{\"userId\":\"alice\",\"items\":[{\"productId\":\"widget\",\"quantity\":2}],"
        + "\"pointsToUse\":500,\"paymentMethod\":\"CARD\"}";
  }

  private void answer(String step, int status, String body) {
    mock(step)
        .whenAnyExchangeReceived(
            exchange -> {
              calls.add(step);
              exchange.getMessage().setHeader(Exchange.HTTP_RESPONSE_CODE, status);
              exchange.getMessage().setBody(body);
            });
  }

  private void record(String callback) {
    mock(callback).whenAnyExchangeReceived(exchange -> calls.add(callback));
  }

  private static List<String> concat(List<String> first, List<String> second) {
    List<String> all = new ArrayList<>(first);
    all.addAll(second);
    return all;
  }

  /** Steps and callbacks in the order their service saw them, across all mocks. */
  private List<String> callOrder() {
    return List.copyOf(calls);
  }

  private MockEndpoint mock(String step) {
    return camel.getEndpoint("mock:" + step, MockEndpoint.class);
  }

  private String sagaStatus(String orderId) {
    return jdbc.queryForObject(
        "SELECT status FROM saga_order WHERE order_id = ?", String.class, orderId);
  }

  private static int status(HttpResponse<String> answer) {
    return answer.statusCode();
  }

  private JsonNode body(HttpResponse<String> answer) throws Exception {
    return json.readTree(answer.body());
  }
}
