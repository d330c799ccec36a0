package com.example.ordersaga.common.logging;

/** A request about one order: its ids go into the log lines of the work it causes. */
public interface OrderScoped {

  String orderId();

  /** The order's LRA when the body names it (the outcome event does); else the header's. */
  default String lraId() {
    return null;
  }
}
