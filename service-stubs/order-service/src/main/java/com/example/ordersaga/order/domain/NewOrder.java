package com.example.ordersaga.order.domain;

import java.util.List;

/** What order-create places: the order as the orchestrator priced it. */
public record NewOrder(
    String orderId,
    String userId,
    List<OrderLine> items,
    long totalAmount,
    long pointsUsed,
    long paidAmount,
    PaymentMethod paymentMethod) {

  public NewOrder {
    items = List.copyOf(items);
  }
}
