package com.example.ordersaga.routes.notify;

/**
 * The completion API still fails a call that may pass later: the notifier stays on the record (its
 * offset uncommitted) instead of parking it, and calls again.
 */
public class PartnerStillFailing extends RuntimeException {

  public PartnerStillFailing(String orderId, Throwable lastFailure) {
    super("completion API still failing for order " + orderId + "; the event stays", lastFailure);
  }
}
