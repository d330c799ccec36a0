package com.example.ordersaga.order;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.ordersaga.common.events.OrderEventType;
import com.example.ordersaga.order.domain.Order;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The outcome event as it goes on the wire (design.md §4), checked field by field. */
final class OutcomeEventJson {

  /** Exactly these fields, in this order. */
  static final List<String> FIELDS =
      List.of(
          "eventId",
          "type",
          "orderId",
          "userId",
          "totalAmount",
          "pointsUsed",
          "paidAmount",
          "lraId",
          "occurredAt");

  private OutcomeEventJson() {}

  /** Asserts that {@code payload} is the outcome event of {@code ended}; returns its eventId. */
  static String assertOutcome(ObjectMapper json, String payload, Order ended, OrderEventType type)
      throws JsonProcessingException {
    JsonNode event = json.readTree(payload);
    assertThat(event.fieldNames()).toIterable().containsExactlyElementsOf(FIELDS);
    String eventId = event.path("eventId").asText();
    assertThat(UUID.fromString(eventId)).hasToString(eventId);
    assertThat(event.path("type").asText()).isEqualTo(type.name());
    assertThat(event.path("orderId").asText()).isEqualTo(ended.orderId());
    assertThat(event.path("userId").asText()).isEqualTo(ended.userId());
    assertThat(event.path("lraId").asText()).isEqualTo(ended.lraId());
    assertThat(
            List.of(event.path("totalAmount"), event.path("pointsUsed"), event.path("paidAmount")))
        .allMatch(JsonNode::isIntegralNumber)
        .map(JsonNode::asLong)
        .containsExactly(ended.totalAmount(), ended.pointsUsed(), ended.paidAmount());
    assertThat(event.path("occurredAt").isTextual()).isTrue();
    assertThat(Instant.parse(event.path("occurredAt").asText())).isEqualTo(ended.updatedAt());
    return eventId;
  }
}
