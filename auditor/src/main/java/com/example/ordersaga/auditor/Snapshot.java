package com.example.ordersaga.auditor;

import java.util.List;

/** Everything the auditor read, in one moment (as far as separate reads allow). */
public record Snapshot(
    List<SagaOrder> sagaOrders,
    List<HeldOrder> heldOrders,
    List<Payment> payments,
    List<Account> accounts,
    List<PointMovement> pointMovements,
    List<Product> products,
    List<StockMovement> stockMovements,
    List<OutcomeEvent> events,
    List<String> parkedOrderIds,
    List<Notification> notifications,
    List<CompletionCall> completionCalls,
    List<OpenLra> openLras) {

  /** An order as the orchestrator's saga view knows it. */
  public record SagaOrder(String orderId, String status, String lraId, String reason) {}

  /** An order as order-service holds it. */
  public record HeldOrder(
      String orderId,
      String status,
      String userId,
      List<Line> items,
      long totalAmount,
      long pointsUsed,
      long paidAmount,
      String lraId) {}

  public record Line(String productId, long quantity) {}

  public record Payment(String paymentId, String orderId, long amount, String status) {}

  public record Account(String userId, long balance) {}

  /** kind DEDUCT or REFUND. */
  public record PointMovement(String orderId, String userId, String kind, long points) {}

  public record Product(String productId, long stock) {}

  /** kind DEDUCT or RESTORE. */
  public record StockMovement(String orderId, String productId, String kind, long quantity) {}

  /** A record of order-events (a re-published event appears twice with one eventId). */
  public record OutcomeEvent(String orderId, String eventId, String type) {}

  /** A call the external completion API accepted (one per Idempotency-Key). */
  public record Notification(String orderId, int attempt) {}

  /** Every call the external completion API received, and what it answered. */
  public record CompletionCall(String orderId, int status) {}

  /** An LRA the coordinator has not finished (it forgets finished ones). */
  public record OpenLra(String lraId, String status) {}
}
