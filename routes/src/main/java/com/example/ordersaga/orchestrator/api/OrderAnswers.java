package com.example.ordersaga.orchestrator.api;

import com.example.ordersaga.orchestrator.saga.OrderPlan;
import com.example.ordersaga.orchestrator.saga.SagaFailure;
import com.example.ordersaga.participant.ErrorBody;
import java.util.LinkedHashMap;
import java.util.Map;

/** The contract's answers to {@code POST /api/orders} (design.md §3), as status + JSON body. */
public final class OrderAnswers {

  private OrderAnswers() {}

  /** An answer to send (and to store for Idempotency-Key replays). */
  public record Answer(int status, Object body, String location) {}

  public static Answer completed(OrderPlan plan, String lraId) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("orderId", plan.orderId());
    body.put("status", "COMPLETED");
    body.put("lraId", lraId);
    body.put("totalAmount", plan.totalAmount());
    body.put("pointsUsed", plan.pointsUsed());
    body.put("paidAmount", plan.paidAmount());
    return new Answer(201, body, "/api/orders/" + plan.orderId());
  }

  public static Answer cancelled(String orderId, String lraId, SagaFailure failure) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("orderId", orderId);
    body.put("status", "CANCELLED");
    body.put("reason", failure.reason());
    body.put("failedStep", failure.failedStep());
    body.put("lraId", lraId);
    return new Answer(failure.httpStatus(), body, null);
  }

  public static Answer invalid(int status, ErrorBody body) {
    return new Answer(status, body, null);
  }
}
