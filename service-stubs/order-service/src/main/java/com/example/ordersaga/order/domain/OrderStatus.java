package com.example.ordersaga.order.domain;

/** Where an order stands in its saga. */
public enum OrderStatus {
  /** Created by order-create: the saga's semantic lock, nothing may treat it as placed yet. */
  PENDING,
  /** order-complete delivered the order information; the LRA has not closed yet. */
  CONFIRMING,
  /** The LRA closed. */
  COMPLETED,
  /** The LRA was cancelled (compensated). */
  CANCELLED;

  /** The saga ended for this order: no forward step may move it any more. */
  public boolean ended() {
    return this == COMPLETED || this == CANCELLED;
  }
}
