package com.example.ordersaga.routes.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.example.ordersaga.routes.InMemorySagas;
import com.example.ordersaga.routes.OrchestratorOnH2;
import com.example.ordersaga.routes.pricing.OrderPricing;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

/**
 * Idempotency-Key beyond the plain replay (which {@code OrderSagaRouteTest} covers): the key bound
 * to its request (422 for another body), the 409 for a key still in progress, a key whose request
 * died with its orchestrator (it answers its order's outcome, or is freed if no order was placed),
 * and the retention. A dead request is what it leaves in the database: a claim with no answer.
 */
@OrchestratorOnH2
@Import({InMemorySagas.class, IdempotencyKeyTest.FixedPrices.class})
@TestPropertySource(
    properties = {
      "ordersaga.saga.abandon-grace=1s",
      "ordersaga.idempotency.retention=1h",
      "ordersaga.idempotency.purge-period=200ms",
      // No service runs here: a saga that does start fails its first step (503).
      "ordersaga.urls.order-service=http://localhost:1"
    })
class IdempotencyKeyTest {

  private static final String ORDER =
      "{\"userId\":\"user-1\",\"items\":[{\"productId\":\"product-1\",\"quantity\":2}],"
          + "\"pointsToUse\":500,\"paymentMethod\":\"CARD\"}";

  @LocalServerPort int port;
  @Autowired JdbcTemplate jdbc;
  @Autowired RequestReader reader;
  @Autowired ObjectMapper json;
  private final HttpClient http = HttpClient.newHttpClient();

  @TestConfiguration
  static class FixedPrices {
    @Bean
    @Primary
    OrderPricing fixedPrices() {
      return new OrderPricing(
          (orderId, productIds) ->
              productIds.stream().collect(Collectors.toMap(id -> id, id -> 1_000L)));
    }
  }

  @Test
  void theKeyWithAnotherBodyIs422NamingTheKeyAndStartsNothing() throws Exception {
    String key = newKey();
    claim(key, "fingerprint of another order", Instant.now(), null);
    jdbc.update(
        "UPDATE idempotency_key SET status_code = 201, body = '{}' WHERE idem_key = ?", key);
    int orders = orderCount();

    HttpResponse<String> answer = place(ORDER, key);

    assertThat(answer.statusCode()).isEqualTo(422);
    JsonNode body = json.readTree(answer.body());
    assertThat(body.path("error").asText()).isEqualTo("IDEMPOTENCY_KEY_MISMATCH");
    assertThat(body.path("message").asText()).contains(key);
    assertThat(body.path("violations").findValuesAsText("field"))
        .containsExactly("Idempotency-Key");
    assertThat(orderCount()).isEqualTo(orders);
  }

  @Test
  void theSameOrderWrittenOtherwiseIsTheSameRequest() throws Exception {
    String key = newKey();
    claim(key, fingerprint(ORDER), Instant.now(), null);
    jdbc.update(
        "UPDATE idempotency_key SET status_code = 409, body = '{\"status\":\"CANCELLED\"}'"
            + " WHERE idem_key = ?",
        key);
    String reordered =
        "{ \"paymentMethod\" : \"CARD\", \"pointsToUse\": 500,"
            + " \"items\":[{\"quantity\":2,\"productId\":\"product-1\"}], \"userId\":\"user-1\" }";

    HttpResponse<String> answer = place(reordered, key);

    assertThat(answer.statusCode()).isEqualTo(409);
    assertThat(answer.body()).isEqualTo("{\"status\":\"CANCELLED\"}");
  }

  @Test
  void aKeyStillInProgressIs409WithTheContractsErrorShape() throws Exception {
    String key = newKey();
    claim(key, fingerprint(ORDER), Instant.now(), order("PENDING", null, null)); // still running

    HttpResponse<String> answer = place(ORDER, key); // waits the replay window (12 s here)

    assertThat(answer.statusCode()).isEqualTo(409);
    JsonNode body = json.readTree(answer.body());
    assertThat(body.path("error").asText()).isEqualTo("IDEMPOTENCY_KEY_IN_USE");
    assertThat(body.path("message").asText()).contains(key);
    assertThat(body.path("violations").findValuesAsText("field"))
        .containsExactly("Idempotency-Key");
  }

  @Test
  void aReplayOfARequestThatDiedAnswersItsCompletedOrder() throws Exception {
    String key = newKey();
    String orderId = order("COMPLETED", null, null);
    claim(key, fingerprint(ORDER), Instant.now().minusSeconds(120), orderId);

    HttpResponse<String> answer = place(ORDER, key);

    assertThat(answer.statusCode()).isEqualTo(201);
    assertThat(answer.headers().firstValue("Location")).hasValue("/api/orders/" + orderId);
    JsonNode body = json.readTree(answer.body());
    assertThat(body.path("orderId").asText()).isEqualTo(orderId);
    assertThat(body.path("status").asText()).isEqualTo("COMPLETED");
    assertThat(body.path("lraId").asText()).isEqualTo("lra-" + orderId);
    assertThat(body.path("totalAmount").asLong()).isEqualTo(2_000);
    assertThat(body.path("pointsUsed").asLong()).isEqualTo(500);
    assertThat(body.path("paidAmount").asLong()).isEqualTo(1_500);
    assertThat(storedStatus(key)).as("stored for later replays").isEqualTo(201);
    assertThat(place(ORDER, key).body()).isEqualTo(answer.body());
  }

  @Test
  void aReplayOfARequestThatDiedWaitsForItsOrderToEndAndAnswersTheCancellation() throws Exception {
    String key = newKey();
    String orderId = order("PENDING", null, null);
    claim(key, fingerprint(ORDER), Instant.now(), orderId);

    CompletableFuture<HttpResponse<String>> replay = placeAsync(ORDER, key);
    Thread.sleep(500); // the replay is waiting: the order has not ended
    assertThat(replay).isNotDone();
    // The coordinator compensated the saga (its time limit passed): the orchestrator records it.
    jdbc.update(
        "UPDATE saga_order SET status = 'CANCELLED', reason = 'TIMEOUT',"
            + " failed_step = 'payment-save' WHERE order_id = ?",
        orderId);

    HttpResponse<String> answer = replay.get();
    assertThat(answer.statusCode()).isEqualTo(504);
    JsonNode body = json.readTree(answer.body());
    assertThat(body.path("orderId").asText()).isEqualTo(orderId);
    assertThat(body.path("status").asText()).isEqualTo("CANCELLED");
    assertThat(body.path("reason").asText()).isEqualTo("TIMEOUT");
    assertThat(body.path("failedStep").asText()).isEqualTo("payment-save");
    assertThat(body.path("lraId").asText()).isEqualTo("lra-" + orderId);
  }

  @Test
  void aKeyWhoseRequestDiedBeforePlacingAnOrderIsFreedAfterTheTimeLimitAndGrace() throws Exception {
    String key = newKey();
    // Older than the time limit (2 s) and the grace (1 s): no live request holds it.
    claim(key, fingerprint(ORDER), Instant.now().minusSeconds(4), null);

    HttpResponse<String> answer = place(ORDER, key);

    // This replay ran the order itself: its saga failed at the first step (no service here).
    JsonNode body = json.readTree(answer.body());
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(503);
    assertThat(body.path("status").asText()).isEqualTo("CANCELLED");
    assertThat(body.path("failedStep").asText()).isEqualTo("order-create");
    Map<String, Object> row =
        jdbc.queryForMap(
            "SELECT order_id, status_code FROM idempotency_key WHERE idem_key = ?", key);
    assertThat(row.get("order_id")).isEqualTo(body.path("orderId").asText());
    assertThat(((Number) row.get("status_code")).intValue()).isEqualTo(503);
  }

  @Test
  void aKeyWhoseRequestDiedRecentlyIsNotTakenOver() throws Exception {
    String key = newKey();
    claim(key, fingerprint(ORDER), Instant.now().minusMillis(2_500), null); // within limit+grace

    HttpResponse<String> answer = place(ORDER, key);

    // Freed once it is past the time limit and the grace, during the replay's wait.
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(503);
    assertThat(json.readTree(answer.body()).path("failedStep").asText()).isEqualTo("order-create");
  }

  @Test
  void keysPastTheirRetentionArePurged() {
    String expired = newKey();
    String kept = newKey();
    claim(expired, "f", Instant.now().minus(Duration.ofMinutes(61)), null);
    claim(kept, "f", Instant.now().minus(Duration.ofMinutes(59)), null);

    await()
        .atMost(Duration.ofSeconds(5))
        .until(() -> keys(List.of(expired, kept)).equals(List.of(kept)));
  }

  private String fingerprint(String body) throws Exception {
    return RequestFingerprint.of(
        json, reader.read("application/json", body.getBytes(StandardCharsets.UTF_8)));
  }

  private void claim(String key, String fingerprint, Instant at, String orderId) {
    jdbc.update(
        "INSERT INTO idempotency_key (idem_key, fingerprint, created_at, order_id)"
            + " VALUES (?, ?, ?, ?)",
        key,
        fingerprint,
        Timestamp.from(at),
        orderId);
  }

  private String order(String status, String reason, String failedStep) {
    String orderId = UUID.randomUUID().toString();
    jdbc.update(
        "INSERT INTO saga_order (order_id, lra_id, user_id, items, status, total_amount,"
            + " points_used, paid_amount, reason, failed_step, created_at, updated_at)"
            + " VALUES (?, ?, 'user-1', '[]', ?, 2000, 500, 1500, ?, ?, CURRENT_TIMESTAMP,"
            + " CURRENT_TIMESTAMP)",
        orderId,
        "lra-" + orderId,
        status,
        reason,
        failedStep);
    return orderId;
  }

  private int orderCount() {
    return jdbc.queryForObject("SELECT COUNT(*) FROM saga_order", Integer.class);
  }

  private Integer storedStatus(String key) {
    return jdbc.queryForObject(
        "SELECT status_code FROM idempotency_key WHERE idem_key = ?", Integer.class, key);
  }

  private List<String> keys(List<String> among) {
    return jdbc
        .queryForList("SELECT idem_key FROM idempotency_key ORDER BY created_at", String.class)
        .stream()
        .filter(among::contains)
        .toList();
  }

  private static String newKey() {
    return "key-" + UUID.randomUUID();
  }

  private HttpResponse<String> place(String body, String key) throws Exception {
    return placeAsync(body, key).get();
  }

  private CompletableFuture<HttpResponse<String>> placeAsync(String body, String key) {
    return http.sendAsync(
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/orders"))
            .header("Content-Type", "application/json")
            .header("Idempotency-Key", key)
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
