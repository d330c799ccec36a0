package com.example.ordersaga.completion;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.stream.StreamSupport;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** completion-api over HTTP, as the orchestrator and the system tests call it. */
final class CompletionApiClient {

  private final TestRestTemplate http;

  CompletionApiClient(TestRestTemplate http) {
    this.http = http;
  }

  /** A completion call with the orchestrator's headers: {@code Idempotency-Key: <orderId>}. */
  ResponseEntity<JsonNode> complete(String orderId) {
    return complete(orderId, orderId);
  }

  ResponseEntity<JsonNode> complete(String idempotencyKey, String orderId) {
    return post(idempotencyKey, CompletionFixtures.orderCompletedEvent(orderId));
  }

  /** A raw call; a null key sends no Idempotency-Key header. */
  ResponseEntity<JsonNode> post(String idempotencyKey, String body) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    if (idempotencyKey != null) {
      headers.set("Idempotency-Key", idempotencyKey);
    }
    return http.exchange(
        "/completions", HttpMethod.POST, new HttpEntity<>(body, headers), JsonNode.class);
  }

  List<JsonNode> notifications(String orderId) {
    return list("/notifications?orderId={orderId}", orderId);
  }

  List<JsonNode> allNotifications() {
    return list("/notifications", null);
  }

  List<JsonNode> calls(String orderId) {
    return list("/calls?orderId={orderId}", orderId);
  }

  ResponseEntity<JsonNode> setBehaviour(String json) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    return http.exchange(
        "/admin/behaviour", HttpMethod.PUT, new HttpEntity<>(json, headers), JsonNode.class);
  }

  ResponseEntity<JsonNode> behaviour() {
    return http.getForEntity("/admin/behaviour", JsonNode.class);
  }

  private List<JsonNode> list(String path, String orderId) {
    ResponseEntity<JsonNode> response = http.getForEntity(path, JsonNode.class, orderId);
    if (!response.getStatusCode().is2xxSuccessful() || !response.getBody().isArray()) {
      throw new AssertionError(path + " answered " + response);
    }
    return StreamSupport.stream(response.getBody().spliterator(), false).toList();
  }
}
