package com.example.ordersaga.order.domain;

import java.time.Instant;
import java.util.List;

/**
 * An order as {@code GET /orders/{orderId}} answers it (and each element of {@code GET /orders}).
 */
public record Order(
    String orderId,
    OrderStatus status,
    String lraId,
    String userId,
    List<OrderLine> items,
    long totalAmount,
    long pointsUsed,
    long paidAmount,
    PaymentMethod paymentMethod,
    Instant createdAt,
    Instant updatedAt) {

  public Order {
    items = List.copyOf(items);
  }
}
