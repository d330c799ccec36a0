package com.example.ordersaga.routes.saga;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.example.ordersaga.routes.OrchestratorOnH2;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.SpanProcessor;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import org.apache.camel.saga.CamelSagaService;
import org.apache.camel.saga.InMemorySagaService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The orchestrator's traces, in process: its request, the price quote and every step call of one
 * saga are one trace, each span tagged with the order's id, and every service (here one HTTP
 * stand-in for all four) received that trace's {@code traceparent} and the order's baggage.
 */
@OrchestratorOnH2
@AutoConfigureObservability(metrics = false)
class OrderSagaTracingTest {

  private static final AttributeKey<String> ORDER_ID = AttributeKey.stringKey("order.id");
  private static final ServiceStandIn services = ServiceStandIn.start();
  private static final List<SpanData> spans = new CopyOnWriteArrayList<>();

  @LocalServerPort int port;
  private final ObjectMapper json = new ObjectMapper();

  @DynamicPropertySource
  static void everyServiceIsTheStandIn(DynamicPropertyRegistry properties) {
    for (String service : List.of("order", "payment", "point", "product")) {
      properties.add("ordersaga.urls." + service + "-service", services::url);
    }
    // Spans go to the list below, not to a Zipkin.
    properties.add("management.zipkin.tracing.export.enabled", () -> "false");
  }

  @TestConfiguration
  static class InMemorySagaAndSpans {
    @Bean
    CamelSagaService sagaService() {
      return new InMemorySagaService();
    }

    /** Exports each span as it ends (Boot adds SpanProcessor beans to its tracer provider). */
    @Bean
    SpanProcessor collectedSpans() {
      return SimpleSpanProcessor.create(
          new SpanExporter() {
            @Override
            public CompletableResultCode export(Collection<SpanData> ended) {
              spans.addAll(ended);
              return CompletableResultCode.ofSuccess();
            }

            @Override
            public CompletableResultCode flush() {
              return CompletableResultCode.ofSuccess();
            }

            @Override
            public CompletableResultCode shutdown() {
              return CompletableResultCode.ofSuccess();
            }
          });
    }
  }

  @AfterAll
  static void stopStandIn() {
    services.server.stop(0);
  }

  @BeforeEach
  void clear() {
    services.received.clear();
    spans.clear();
  }

  @Test
  void theRequestThePriceQuoteAndEveryStepAreOneTraceTaggedWithTheOrder() throws Exception {
    HttpResponse<String> answer = placeOrder();
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(201);
    String orderId = json.readTree(answer.body()).path("orderId").asText();

    List<String> paths = services.received.stream().map(Received::path).toList();
    assertThat(paths)
        .as("the price quote, then every step")
        .containsExactly(
            "/products/product-1",
            "/orders",
            "/payments/validations",
            "/points/user-1/deductions",
            "/payments",
            "/stock/deductions",
            "/orders/" + orderId + "/completion");
    Set<String> traceIds =
        services.received.stream().map(Received::traceId).collect(Collectors.toSet());
    assertThat(traceIds).as("the traceparent each service received").hasSize(1);
    String traceId = traceIds.iterator().next();
    assertThat(traceId).matches("[0-9a-f]{32}");
    assertThat(services.received)
        .as("the price quote and every step name the order in their baggage")
        .allSatisfy(call -> assertThat(call.baggage()).contains("order.id=" + orderId));

    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(
            () ->
                assertThat(spans)
                    .filteredOn(span -> span.getName().equals("http post /api/orders"))
                    .hasSize(1));
    List<SpanData> ofTheRequest =
        spans.stream().filter(span -> span.getTraceId().equals(traceId)).toList();
    assertThat(ofTheRequest.stream().map(SpanData::getName))
        .contains("http post /api/orders", "order-saga", "point-deduct", "stock-deduct", "GET");
    assertThat(ofTheRequest)
        .as("spans of the request trace not tagged with the order")
        .filteredOn(span -> !orderId.equals(span.getAttributes().get(ORDER_ID)))
        .extracting(SpanData::getName, span -> span.getParentSpanId(), SpanData::getAttributes)
        .isEmpty();
    assertThat(spans)
        .as("no span of this order outside its trace")
        .filteredOn(span -> orderId.equals(span.getAttributes().get(ORDER_ID)))
        .allSatisfy(span -> assertThat(span.getTraceId()).isEqualTo(traceId));
  }

  private HttpResponse<String> placeOrder() throws Exception {
    String order =
        "{\"userId\":\"user-1\",\"items\":[{\"productId\":\"product-1\",\"quantity\":2}],"
            + "\"pointsToUse\":500,\"paymentMethod\":\"CARD\"}";
    return HttpClient.newHttpClient()
        .send(
            HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/orders"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(order))
                .build(),
            HttpResponse.BodyHandlers.ofString());
  }

  private record Received(String path, String traceparent, String baggage) {
    String traceId() {
      return traceparent == null ? "none" : traceparent.split("-")[1];
    }
  }

  /** One HTTP server answering for the four services: a price, and success for every step. */
  private record ServiceStandIn(HttpServer server, List<Received> received) {

    static ServiceStandIn start() {
      try {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        ServiceStandIn standIn = new ServiceStandIn(server, new CopyOnWriteArrayList<>());
        server.createContext("/", standIn::answer);
        server.start();
        return standIn;
      } catch (IOException e) {
        throw new IllegalStateException(e);
      }
    }

    String url() {
      return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private void answer(HttpExchange call) throws IOException {
      String path = call.getRequestURI().getPath();
      received.add(
          new Received(
              path,
              call.getRequestHeaders().getFirst("traceparent"),
              call.getRequestHeaders().getFirst("baggage")));
      String body = path.startsWith("/products/") ? "{\"price\":1000}" : "{}";
      byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
      call.getResponseHeaders().add("Content-Type", "application/json");
      call.sendResponseHeaders(200, bytes.length);
      try (var out = call.getResponseBody()) {
        out.write(bytes);
      }
    }
  }
}
