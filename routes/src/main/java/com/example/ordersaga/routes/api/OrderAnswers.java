package com.example.ordersaga.routes.api;

import com.example.ordersaga.common.participant.errors.ErrorBody;
import com.example.ordersaga.routes.plan.OrderPlan;
import com.example.ordersaga.routes.saga.SagaFailure;
import com.example.ordersaga.routes.view.OrderOutcome;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

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

  /**
   * Every step passed but closing the LRA failed (the coordinator unreachable or dying): the
   * coordinator may have recorded the close or not, so the outcome is not known yet. 503 with
   * status PENDING; the order's URL tells the outcome once the coordinator has decided.
   */
  public static Answer pending(String orderId, String lraId) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("orderId", orderId);
    body.put("status", "PENDING");
    body.put("reason", "SERVICE_UNAVAILABLE");
    body.put("failedStep", "lra-coordinator");
    body.put("lraId", lraId);
    return new Answer(503, body, "/api/orders/" + orderId);
  }

  /**
   * The answer for an order that has ended, read from the saga view: what its request was (or would
   * have been) told. A replayed PENDING answer, or the replay of a request that died with its
   * orchestrator, gets it once the order has ended; empty while the order is still pending.
   */
  public static Optional<Answer> ended(OrderOutcome order) {
    if ("COMPLETED".equals(order.status())) {
      Map<String, Object> body = new LinkedHashMap<>();
      body.put("orderId", order.orderId());
      body.put("status", "COMPLETED");
      body.put("lraId", order.lraId());
      body.put("totalAmount", order.totalAmount());
      body.put("pointsUsed", order.pointsUsed());
      body.put("paidAmount", order.paidAmount());
      return Optional.of(new Answer(201, body, "/api/orders/" + order.orderId()));
    }
    if ("CANCELLED".equals(order.status())) {
      Map<String, Object> body = new LinkedHashMap<>();
      body.put("orderId", order.orderId());
      body.put("status", "CANCELLED");
      body.put("reason", order.reason());
      body.put("failedStep", order.failedStep());
      body.put("lraId", order.lraId());
      return Optional.of(new Answer(SagaFailure.httpStatusOf(order.reason()), body, null));
    }
    return Optional.empty();
  }

  public static Answer invalid(int status, ErrorBody body) {
    return new Answer(status, body, null);
  }
}
