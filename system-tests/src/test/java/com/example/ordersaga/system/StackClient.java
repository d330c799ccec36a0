package com.example.ordersaga.system;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;

/** The stack's public HTTP APIs (design.md §3), as a client or an auditor reads them. */
final class StackClient {

  /** A status and a parsed JSON body. */
  record Answer(int status, JsonNode body) {}

  private final RunScript stack;
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final ObjectMapper json = new ObjectMapper();

  StackClient(RunScript stack) {
    this.stack = stack;
  }

  Answer placeOrder(String body, Map<String, String> headers) throws Exception {
    return placeOrder(body, headers, Duration.ofSeconds(60));
  }

  Answer placeOrder(String body, Map<String, String> headers, Duration timeout) throws Exception {
    return placeOrderAt(stack.url("ORCHESTRATOR_PORT"), body, headers, timeout);
  }

  /** An order placed at one orchestrator ({@code orchestrator}: its base URL), not the balancer. */
  Answer placeOrderAt(
      String orchestrator, String body, Map<String, String> headers, Duration timeout)
      throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(orchestrator + "/api/orders"))
            .timeout(timeout)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body));
    headers.forEach(request::header);
    return send(request);
  }

  Answer sagaView(String orderId) throws Exception {
    return get("ORCHESTRATOR_PORT", "/api/orders/" + orderId);
  }

  Answer order(String orderId) throws Exception {
    return get("ORDER_SERVICE_PORT", "/orders/" + orderId);
  }

  Answer payments(String orderId) throws Exception {
    return get("PAYMENT_SERVICE_PORT", "/payments?orderId=" + orderId);
  }

  long balance(String userId) throws Exception {
    return get("POINT_SERVICE_PORT", "/points/" + userId).body().path("balance").asLong();
  }

  long stock(String productId) throws Exception {
    return get("PRODUCT_SERVICE_PORT", "/products/" + productId).body().path("stock").asLong();
  }

  /** The external completion API's record: the notifications it accepted for the order. */
  JsonNode notifications(String orderId) throws Exception {
    return get("COMPLETION_API_PORT", "/notifications?orderId=" + orderId).body();
  }

  /** Every call the external completion API received for the order, with its answer. */
  JsonNode completionCalls(String orderId) throws Exception {
    return get("COMPLETION_API_PORT", "/calls?orderId=" + orderId).body();
  }

  /** {@code PUT :8085/admin/behaviour}: e.g. failNext N calls with a status; {} restores it. */
  void completionApiBehaviour(Map<String, Object> behaviour) throws Exception {
    put("COMPLETION_API_PORT", "/admin/behaviour", behaviour);
  }

  void givePoints(String userId, long balance) throws Exception {
    put("POINT_SERVICE_PORT", "/admin/points/" + userId, Map.of("balance", balance));
  }

  void stockProduct(String productId, long price, long stock) throws Exception {
    put(
        "PRODUCT_SERVICE_PORT",
        "/admin/products/" + productId,
        Map.of("name", productId, "price", price, "stock", stock));
  }

  /**
   * LRAs the coordinator has not ended well: still running or ending, or given up on (a
   * compensation or completion that failed for good).
   */
  int unfinishedLras() throws Exception {
    int count = 0;
    for (String status :
        new String[] {"Active", "Cancelling", "Closing", "FailedToCancel", "FailedToClose"}) {
      count += get("LRA_COORDINATOR_PORT", "/lra-coordinator?Status=" + status).body().size();
    }
    return count + get("LRA_COORDINATOR_PORT", "/lra-coordinator/recovery/failed").body().size();
  }

  /** The ids of the LRAs the coordinator has running. */
  List<String> activeLras() throws Exception {
    JsonNode lras = get("LRA_COORDINATOR_PORT", "/lra-coordinator?Status=Active").body();
    return StreamSupport.stream(lras.spliterator(), false)
        .map(lra -> lra.path("lraId").asText())
        .toList();
  }

  /** {@code PUT {lra}/cancel} as anyone could send it, with the given Authorization (or none). */
  int cancelLra(String lraId, String authorization) throws Exception {
    HttpRequest.Builder cancel =
        HttpRequest.newBuilder(URI.create(lraId + "/cancel"))
            .PUT(HttpRequest.BodyPublishers.noBody());
    if (authorization != null) {
      cancel.header("Authorization", authorization);
    }
    return http.send(cancel.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
  }

  /** The coordinator's word on one LRA: {@code Active}, {@code Cancelling}, … */
  String lraStatus(String lraId) throws Exception {
    return http.send(
            HttpRequest.newBuilder(URI.create(lraId + "/status")).GET().build(),
            HttpResponse.BodyHandlers.ofString())
        .body();
  }

  private Answer get(String portVariable, String path) throws Exception {
    return send(HttpRequest.newBuilder(URI.create(stack.url(portVariable) + path)).GET());
  }

  private void put(String portVariable, String path, Object body) throws Exception {
    Answer answer =
        send(
            HttpRequest.newBuilder(URI.create(stack.url(portVariable) + path))
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body))));
    if (answer.status() != 200) {
      throw new IllegalStateException("PUT " + path + " answered " + answer);
    }
  }

  private Answer send(HttpRequest.Builder request) throws IOException, InterruptedException {
    HttpResponse<String> response =
        http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    return new Answer(response.statusCode(), parsed(response.body()));
  }

  /** The body's JSON; a body that is none (a balancer's error page) as text. */
  private JsonNode parsed(String body) {
    if (body == null || body.isBlank()) {
      return json.nullNode();
    }
    try {
      return json.readTree(body);
    } catch (com.fasterxml.jackson.core.JsonProcessingException notJson) {
      return json.getNodeFactory().textNode(body);
    }
  }
}
