package com.example.ordersaga.order.api;

import com.example.ordersaga.common.participant.ledger.ParticipantSteps;
import com.example.ordersaga.order.domain.Order;
import com.example.ordersaga.order.domain.OrderRef;
import com.example.ordersaga.order.domain.Orders;
import org.springframework.stereotype.Component;

/**
 * The order's saga steps, once per LRA: order-create (compensated by cancelling the order,
 * completed by completing it) and order-complete (nothing of its own to undo: covered by
 * order-create).
 */
@Component
public class OrderParticipant {

  public static final String CREATE_STEP = "order-create";
  public static final String COMPLETE_STEP = "order-complete";

  private final ParticipantSteps steps;
  private final Orders orders;

  public OrderParticipant(ParticipantSteps steps, Orders orders) {
    this.steps = steps;
    this.orders = orders;
  }

  public Order create(String lraId, CreateOrderRequest request, String simulateFailure) {
    OrderRef created =
        steps.act(
            lraId,
            CREATE_STEP,
            simulateFailure,
            OrderRef.class,
            () -> orders.create(lraId, request.toNewOrder()));
    return orders.order(created.orderId());
  }

  public void cancel(String lraId) {
    steps.compensate(lraId, CREATE_STEP, () -> orders.cancel(lraId));
  }

  public void finish(String lraId) {
    steps.complete(lraId, CREATE_STEP, () -> orders.complete(lraId));
  }

  public Order markReady(String lraId, String orderId, String simulateFailure) {
    OrderRef ready =
        steps.act(
            lraId,
            COMPLETE_STEP,
            simulateFailure,
            OrderRef.class,
            () -> orders.markConfirming(lraId, orderId));
    return orders.readyOrder(ready.orderId());
  }
}
