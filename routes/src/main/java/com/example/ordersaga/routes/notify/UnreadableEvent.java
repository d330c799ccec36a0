package com.example.ordersaga.routes.notify;

/** A record on {@code order-events} that is no outcome event: parked at once, never retried. */
public class UnreadableEvent extends RuntimeException {

  public UnreadableEvent(String message, Throwable cause) {
    super(message, cause);
  }
}
