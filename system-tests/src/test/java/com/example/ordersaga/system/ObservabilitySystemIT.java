package com.example.ordersaga.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.example.ordersaga.auditor.AuditReport;
import com.example.ordersaga.auditor.Auditor;
import com.example.ordersaga.auditor.Snapshot;
import com.example.ordersaga.config.stack.StackProcess;
import com.example.ordersaga.system.StackClient.Answer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The stack as an operator watches it: the Prometheus run.sh starts scrapes every process with
 * metrics, every metrics endpoint passes {@code promtool check metrics}, Prometheus counts the
 * orders as the auditor does, and Zipkin holds one trace per order across every service, each span
 * tagged with the order's ids. Needs the Debian package prometheus: skipped without it, unless
 * SAGA_REQUIRE_PROMETHEUS=true (CI), which makes its absence a failure.
 */
class ObservabilitySystemIT {

  private static final Duration SETTLE = Duration.ofSeconds(60);
  private static final long START_POINTS = 10_000;

  @TempDir static Path dataDir;
  private static RunScript runSh;
  private static String completedOrderId;
  private static String completedLraId;
  private static String compensatedOrderId;
  private static StackClient stack;
  private static final HttpClient http = HttpClient.newHttpClient();
  private static final ObjectMapper json = new ObjectMapper();

  @BeforeAll
  static void startStackWithPrometheus() throws Exception {
    RequiredTools.assumeOnPath(
        "SAGA_REQUIRE_PROMETHEUS", "apt-get install prometheus", "prometheus", "promtool");
    runSh =
        new RunScript(dataDir)
            .with("SAGA_PROMETHEUS", "on")
            .with("SAGA_ZIPKIN", "on")
            .with("PROMETHEUS_SCRAPE_INTERVAL", "1s");
    RunScript.Result started = runSh.run();
    assertThat(started.exitCode()).as(started.output()).isZero();
    assertThat(started.output())
        .contains("prometheus ready", "Prometheus        http://localhost:");
    stack = new StackClient(runSh);
    placeOrdersOfEveryOutcome();
  }

  @AfterAll
  static void stopStack() throws Exception {
    if (runSh != null) {
      RunScript.Result stopped = runSh.run("stop");
      assertThat(stopped.output()).contains("prometheus stopped", "zipkin stopped");
    }
  }

  /** Completed, compensated, rejected, and a replayed key (counted once). */
  private static void placeOrdersOfEveryOutcome() throws Exception {
    String user = "watched-" + UUID.randomUUID();
    String product = "watched-" + UUID.randomUUID();
    stack.givePoints(user, START_POINTS);
    stack.stockProduct(product, 1_000, 100);
    String order =
        "{\"userId\":\""
            + user
            + "\",\"items\":[{\"productId\":\""
            + product
            + "\",\"quantity\":1}],\"pointsToUse\":100,\"paymentMethod\":\"CARD\"}";
    Answer completed = stack.placeOrder(order, Map.of());
    assertThat(completed.status()).isEqualTo(201);
    completedOrderId = completed.body().path("orderId").asText();
    completedLraId = completed.body().path("lraId").asText();
    assertThat(stack.placeOrder(order, Map.of("Idempotency-Key", "watched-" + user)).status())
        .isEqualTo(201);
    assertThat(stack.placeOrder(order, Map.of("Idempotency-Key", "watched-" + user)).status())
        .isEqualTo(201);
    Answer compensated = stack.placeOrder(order, Map.of("X-Simulate-Failure", "payment-save"));
    assertThat(compensated.status()).isEqualTo(409);
    compensatedOrderId = compensated.body().path("orderId").asText();
    stack.givePoints(user, 10);
    Answer rejected = stack.placeOrder(order, Map.of());
    assertThat(rejected.body().path("reason").asText()).isEqualTo("INSUFFICIENT_POINTS");
    await().atMost(SETTLE).until(() -> stack.unfinishedLras() == 0);
  }

  @Test
  void prometheusScrapesEveryProcessWithMetrics() {
    List<String> expected = new ArrayList<>(processesWithMetrics());
    expected.add("prometheus");
    await()
        .atMost(SETTLE)
        .untilAsserted(
            () -> {
              JsonNode targets = prometheus("/api/v1/targets").path("data").path("activeTargets");
              Map<String, String> healthByJob = new TreeMap<>();
              targets.forEach(
                  target ->
                      healthByJob.put(
                          target.path("labels").path("job").asText(),
                          target.path("health").asText()));
              assertThat(healthByJob.keySet()).containsExactlyInAnyOrderElementsOf(expected);
              assertThat(healthByJob)
                  .allSatisfy((job, health) -> assertThat(health).isEqualTo("up"));
            });
  }

  @Test
  void everyMetricsEndpointPassesPromtool() throws Exception {
    for (StackProcess process : RunScript.processes()) {
      String path = metricsPath(process);
      if (path == null) {
        continue;
      }
      String scraped = get(runSh.url(process.portVariable()) + path);
      assertThat(scraped).as(process.name()).contains("# HELP ");
      assertThat(promtool(scraped, "check", "metrics")).as(process.name()).isEmpty();
    }
    Path config = runSh.dataFile("prometheus/prometheus.yml");
    assertThat(promtool("", "check", "config", config.toString())).contains("SUCCESS");
  }

  @Test
  void prometheusCountsTheOrdersAsTheAuditorDoes() throws Exception {
    AuditReport report =
        new Auditor(runSh.auditTarget(), Duration.ofSeconds(5), Duration.ofSeconds(60)).audit();
    assertThat(report.violations()).isEmpty();
    Map<String, Long> audited =
        report.snapshot().sagaOrders().stream()
            .collect(
                Collectors.groupingBy(
                    Snapshot.SagaOrder::status, TreeMap::new, Collectors.counting()));
    assertThat(audited).isEqualTo(Map.of("COMPLETED", 2L, "CANCELLED", 2L));

    await()
        .atMost(SETTLE)
        .untilAsserted(() -> assertThat(sagaOrdersByStatusInPrometheus()).isEqualTo(audited));
    assertThat(
            prometheus(
                    "/api/v1/query?query="
                        + encode("sum(saga_orders_total{reason=\"INSUFFICIENT_POINTS\"})"))
                .at("/data/result/0/value/1")
                .asText())
        .isEqualTo("1");
    // One LRA per saga, started at the coordinator (the replay started none).
    String started =
        "sum(lra_coordinator_requests_seconds_count{operation=\"start\",status=\"201\"})";
    await()
        .atMost(SETTLE)
        .untilAsserted(
            () ->
                assertThat(
                        prometheus("/api/v1/query?query=" + encode(started))
                            .at("/data/result/0/value/1")
                            .asText())
                    .isEqualTo(Long.toString(report.snapshot().sagaOrders().size())));
  }

  /**
   * The order's request is one trace: the orchestrator's spans and those of the four services it
   * called, each tagged with the order's id and (once the LRA exists) the LRA's. Its outcome event
   * is a trace of its own (the outbox relay sends it later, from a poll), tagged alike: relay,
   * order-events, notifier, completion API.
   */
  @Test
  void zipkinHoldsTheOrdersTraceAcrossEveryServiceEachSpanTaggedWithItsIds() {
    await()
        .atMost(SETTLE)
        .untilAsserted(
            () -> {
              JsonNode traces =
                  json.readTree(
                      get(
                          runSh.url("ZIPKIN_PORT")
                              + "/api/v2/traces?limit=50&annotationQuery="
                              + encode("order.id=" + completedOrderId)));
              JsonNode request = traceWithSpan(traces, "http post /api/orders");
              assertThat(serviceNames(request))
                  .contains(
                      "orchestrator",
                      "order-service",
                      "payment-service",
                      "point-service",
                      "product-service");
              assertThat(request)
                  .allSatisfy(
                      span ->
                          assertThat(span.path("tags").path("order.id").asText())
                              .as(span.path("name").asText())
                              .isEqualTo(completedOrderId));
              for (JsonNode span : request) {
                // The price quote comes before the LRA exists.
                boolean priceQuote = span.path("name").asText().endsWith("/products/{productid}");
                if (!priceQuote
                    && !span.path("localEndpoint")
                        .path("serviceName")
                        .asText()
                        .equals("orchestrator")) {
                  assertThat(span.path("tags").path("lra.id").asText())
                      .as(span.path("name").asText())
                      .isEqualTo(completedLraId);
                }
              }
              JsonNode outcome = traceWithSpan(traces, "http post /completions");
              assertThat(serviceNames(outcome))
                  .contains("order-service", "orchestrator", "completion-api");
              assertThat(kinds(outcome, "order-events")).contains("PRODUCER", "CONSUMER");
              assertThat(outcome)
                  .allSatisfy(
                      span ->
                          assertThat(span.path("tags").path("order.id").asText())
                              .as(span.path("name").asText())
                              .isEqualTo(completedOrderId));
            });
  }

  /**
   * The price quote is a span of the order's request trace, in the orchestrator and in
   * product-service. Every span of an order, completed or compensated, names it; the coordinator's
   * callbacks (each a trace of its own: Narayana sends no trace context) tag the request trace's
   * id.
   */
  @Test
  void everyTraceOfAnOrderNamesItAndItsCallbacksTagTheRequestTrace() {
    await()
        .atMost(SETTLE)
        .untilAsserted(
            () -> {
              for (String orderId : List.of(completedOrderId, compensatedOrderId)) {
                JsonNode traces = tracesOf(orderId);
                JsonNode request = traceWithSpan(traces, "http post /api/orders");
                String requestTrace = request.get(0).path("traceId").asText();
                assertThat(
                        StreamSupport.stream(request.spliterator(), false)
                            .filter(
                                span ->
                                    span.path("name")
                                        .asText()
                                        .equals("http get /products/{productid}"))
                            .map(span -> span.path("localEndpoint").path("serviceName").asText()))
                    .as("the price quote, in the request's trace")
                    .containsExactly("product-service");
                List<JsonNode> callbacks = new ArrayList<>();
                for (JsonNode trace : traces) {
                  assertThat(trace)
                      .allSatisfy(
                          span ->
                              assertThat(span.path("tags").path("order.id").asText())
                                  .as(span.path("name").asText())
                                  .isEqualTo(orderId));
                  if (hasSpanStartingWith(trace, "http put /lra-participant/")) {
                    callbacks.add(trace);
                  }
                }
                assertThat(callbacks).as("callback traces of " + orderId).isNotEmpty();
                assertThat(callbacks)
                    .allSatisfy(
                        callback ->
                            assertThat(callback)
                                .anySatisfy(
                                    span ->
                                        assertThat(
                                                span.path("tags").path("order.trace_id").asText())
                                            .isEqualTo(requestTrace)));
              }
              // Closing the completed LRA called each participant back once: four services and the
              // orchestrator.
              assertThat(
                      StreamSupport.stream(tracesOf(completedOrderId).spliterator(), false)
                          .filter(
                              trace ->
                                  hasSpanStartingWith(trace, "http put /lra-participant/complete")))
                  .hasSize(5);
            });
  }

  private static JsonNode tracesOf(String orderId) throws Exception {
    return json.readTree(
        get(
            runSh.url("ZIPKIN_PORT")
                + "/api/v2/traces?limit=50&annotationQuery="
                + encode("order.id=" + orderId)));
  }

  private static boolean hasSpanStartingWith(JsonNode trace, String prefix) {
    return StreamSupport.stream(trace.spliterator(), false)
        .anyMatch(span -> span.path("name").asText().startsWith(prefix));
  }

  private static JsonNode traceWithSpan(JsonNode traces, String spanName) {
    for (JsonNode trace : traces) {
      for (JsonNode span : trace) {
        if (span.path("name").asText().equals(spanName)) {
          return trace;
        }
      }
    }
    throw new AssertionError("no trace with a span " + spanName + " among " + traces.size());
  }

  private static List<String> serviceNames(JsonNode trace) {
    return StreamSupport.stream(trace.spliterator(), false)
        .map(span -> span.path("localEndpoint").path("serviceName").asText())
        .distinct()
        .toList();
  }

  private static List<String> kinds(JsonNode trace, String spanName) {
    return StreamSupport.stream(trace.spliterator(), false)
        .filter(span -> span.path("name").asText().equals(spanName))
        .map(span -> span.path("kind").asText())
        .toList();
  }

  private static Map<String, Long> sagaOrdersByStatusInPrometheus() throws Exception {
    JsonNode result =
        prometheus("/api/v1/query?query=" + encode("sum by (status) (saga_orders_total)"))
            .path("data")
            .path("result");
    return StreamSupport.stream(result.spliterator(), false)
        .collect(
            Collectors.toMap(
                series -> series.path("metric").path("status").asText(),
                series -> (long) Double.parseDouble(series.path("value").get(1).asText()),
                Long::sum,
                TreeMap::new));
  }

  /** Where a process of the stack has its metrics, or null (Kafka). */
  private static String metricsPath(StackProcess process) {
    return switch (process.launch()) {
      case "service" -> "/actuator/prometheus";
      case "coordinator" -> "/metrics";
      default -> null;
    };
  }

  private static List<String> processesWithMetrics() {
    try {
      return RunScript.processes().stream()
          .filter(process -> metricsPath(process) != null)
          .map(StackProcess::name)
          .toList();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static JsonNode prometheus(String path) throws Exception {
    return json.readTree(get(runSh.url("PROMETHEUS_PORT") + path));
  }

  private static String get(String url) throws Exception {
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(url).isEqualTo(200);
    return response.body();
  }

  /**
   * promtool's output (stdout and stderr) for {@code input} on its stdin; fails unless it exits 0.
   */
  private static String promtool(String input, String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of("promtool"));
    command.addAll(List.of(args));
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    try (var stdin = process.getOutputStream()) {
      stdin.write(input.getBytes(StandardCharsets.UTF_8));
    }
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(process.exitValue()).as(String.join(" ", command) + ":\n" + output).isZero();
    return output.strip();
  }

  private static String encode(String query) {
    return URLEncoder.encode(query, StandardCharsets.UTF_8);
  }
}
