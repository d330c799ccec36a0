package com.example.ordersaga.routes.view;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.OffsetDateTime;
import java.util.List;

/** {@code GET /api/orders/{orderId}} (design.md §3). */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record OrderView(
    String orderId,
    String status,
    String lraId,
    String userId,
    JsonNode items,
    long totalAmount,
    long pointsUsed,
    long paidAmount,
    String reason,
    List<Step> steps) {

  /** One step's outcome: {@code OK} or the reason it failed. */
  public record Step(String step, String outcome, OffsetDateTime at) {}
}
