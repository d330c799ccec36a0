package com.example.ordersaga.common.events;

/** The two outcomes of an order saga. */
public enum OrderEventType {
  ORDER_COMPLETED,
  ORDER_CANCELLED
}
