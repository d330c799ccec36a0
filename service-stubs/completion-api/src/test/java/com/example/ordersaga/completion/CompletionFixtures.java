package com.example.ordersaga.completion;

import java.time.Duration;
import java.util.UUID;

/** Named test data for completion-api. */
final class CompletionFixtures {

  static final int SERVICE_UNAVAILABLE = 503;
  static final int TOO_MANY_REQUESTS = 429;

  private CompletionFixtures() {}

  static String newOrderId() {
    return "order-" + UUID.randomUUID();
  }

  /** The ORDER_COMPLETED event the orchestrator forwards, every field of it. */
  static String orderCompletedEvent(String orderId) {
    return """
        {"eventId":"%s","type":"ORDER_COMPLETED","orderId":"%s","userId":"user-1",\
        "totalAmount":2000,"pointsUsed":500,"paidAmount":1500,\
        "lraId":"http://localhost:1/lra-coordinator/test-%s","occurredAt":"2025-01-01T00:00:00Z"}"""
        .formatted(UUID.randomUUID(), orderId, UUID.randomUUID());
  }

  static String failNextCalls(int calls, int status) {
    return "{\"failNext\":" + calls + ",\"status\":" + status + "}";
  }

  static String answerAfter(Duration delay) {
    return "{\"delayMs\":" + delay.toMillis() + "}";
  }
}
