package com.example.ordersaga.routes.api;

import com.example.ordersaga.common.participant.errors.ErrorBody;
import com.example.ordersaga.routes.plan.OrderPlan;
import com.example.ordersaga.routes.saga.SagaFailure;
import com.example.ordersaga.routes.view.OrderView;
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
   * A replayed PENDING answer once the order has ended: what the first request would have been told
   * had the coordinator answered (201, or the cancellation with the reason the view keeps). Still
   * pending: the same PENDING answer.
   */
  public static Answer settled(OrderView order, Answer pending) {
    if ("COMPLETED".equals(order.status())) {
      Map<String, Object> body = new LinkedHashMap<>();
      body.put("orderId", order.orderId());
      body.put("status", "COMPLETED");
      body.put("lraId", order.lraId());
      body.put("totalAmount", order.totalAmount());
      body.put("pointsUsed", order.pointsUsed());
      body.put("paidAmount", order.paidAmount());
      return new Answer(201, body, "/api/orders/" + order.orderId());
    }
    if ("CANCELLED".equals(order.status())) {
      Map<String, Object> body = new LinkedHashMap<>();
      body.put("orderId", order.orderId());
      body.put("status", "CANCELLED");
      body.put("reason", order.reason());
      body.put("failedStep", null);
      body.put("lraId", order.lraId());
      return new Answer(cancelledStatus(order.reason()), body, null);
    }
    return pending;
  }

  private static int cancelledStatus(String reason) {
    return switch (String.valueOf(reason)) {
      case "TIMEOUT" -> 504;
      case "SERVICE_UNAVAILABLE" -> 503;
      default -> 409;
    };
  }

  public static Answer invalid(int status, ErrorBody body) {
    return new Answer(status, body, null);
  }
}
