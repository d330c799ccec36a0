package com.example.ordersaga.routes.plan;

import java.util.List;

/** A priced order, ready to run as a saga: what every step's request is built from. */
public record OrderPlan(
    String orderId,
    String userId,
    List<Line> lines,
    long totalAmount,
    long pointsUsed,
    long paidAmount,
    PaymentMethod paymentMethod) {

  /** An order line priced at quote time. */
  public record Line(String productId, int quantity, long unitPrice) {}
}
