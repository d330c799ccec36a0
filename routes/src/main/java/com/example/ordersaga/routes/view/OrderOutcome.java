package com.example.ordersaga.routes.view;

/**
 * An order's state as its answer needs it: amounts, and why it was cancelled (reason and the step
 * that failed). {@code status} is {@code PENDING} until the saga has ended.
 */
public record OrderOutcome(
    String orderId,
    String status,
    String lraId,
    long totalAmount,
    long pointsUsed,
    long paidAmount,
    String reason,
    String failedStep) {

  public boolean ended() {
    return !"PENDING".equals(status);
  }
}
