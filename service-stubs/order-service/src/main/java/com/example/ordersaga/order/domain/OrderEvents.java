package com.example.ordersaga.order.domain;

import com.example.ordersaga.common.events.OrderEvent;
import com.example.ordersaga.common.events.OrderEventType;
import java.util.UUID;

/** The outcome event of an order that reached its final state. */
public final class OrderEvents {

  private OrderEvents() {}

  /**
   * A new event (fresh eventId, by which consumers dedupe) for {@code order} as it ended; it
   * occurred when the order moved, so {@code occurredAt} is the order's {@code updatedAt}.
   */
  public static OrderEvent outcomeOf(Order order) {
    OrderEventType type =
        switch (order.status()) {
          case COMPLETED -> OrderEventType.ORDER_COMPLETED;
          case CANCELLED -> OrderEventType.ORDER_CANCELLED;
          case PENDING, CONFIRMING ->
              throw new IllegalStateException(
                  "order " + order.orderId() + " has not ended: " + order.status());
        };
    return new OrderEvent(
        UUID.randomUUID().toString(),
        type,
        order.orderId(),
        order.userId(),
        order.totalAmount(),
        order.pointsUsed(),
        order.paidAmount(),
        order.lraId(),
        order.updatedAt());
  }
}
