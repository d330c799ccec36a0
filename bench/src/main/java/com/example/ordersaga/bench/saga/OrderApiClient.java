package com.example.ordersaga.bench.saga;

import com.example.ordersaga.bench.load.OrderAction;
import com.example.ordersaga.bench.load.OrderSpec;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * {@code POST /api/orders} as design.md §3 defines it: one item, points, {@code CARD}, and a fresh
 * {@code Idempotency-Key} per order (so no order is a replay). The outcome is the status with the
 * contract's reason, e.g. {@code 409 INSUFFICIENT_POINTS}.
 */
final class OrderApiClient implements OrderAction {

  static final String IDEMPOTENCY_KEY = "Idempotency-Key";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final HttpClient http;
  private final URI orders;
  private final String runId;
  private final Duration timeout;

  /**
   * @param runId makes the keys unique across runs against the same stack
   */
  OrderApiClient(HttpClient http, String orchestratorUrl, String runId, Duration timeout) {
    this.http = http;
    this.orders = URI.create(orchestratorUrl + "/api/orders");
    this.runId = runId;
    this.timeout = timeout;
  }

  @Override
  public String place(OrderSpec order) throws Exception {
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(orders)
                .timeout(timeout)
                .header("Content-Type", "application/json")
                .header(IDEMPOTENCY_KEY, "bench-" + runId + "-" + order.sequence())
                .POST(HttpRequest.BodyPublishers.ofString(body(order)))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    return outcome(response.statusCode(), response.body());
  }

  static String body(OrderSpec order) {
    return "{\"userId\":\""
        + order.userId()
        + "\",\"items\":[{\"productId\":\""
        + order.productId()
        + "\",\"quantity\":"
        + order.quantity()
        + "}],\"pointsToUse\":"
        + order.pointsToUse()
        + ",\"paymentMethod\":\"CARD\"}";
  }

  /** {@code 201 COMPLETED}, or the status with the body's {@code reason} (or {@code error}). */
  static String outcome(int status, String body) {
    if (status == 201) {
      return status + " COMPLETED";
    }
    try {
      JsonNode json = JSON.readTree(body);
      JsonNode reason = json.hasNonNull("reason") ? json.get("reason") : json.get("error");
      return status + " " + (reason == null ? "-" : reason.asText());
    } catch (Exception notJson) {
      return status + " -";
    }
  }
}
