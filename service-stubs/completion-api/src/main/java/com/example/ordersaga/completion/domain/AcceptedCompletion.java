package com.example.ordersaga.completion.domain;

import java.time.Instant;

/**
 * A completion notification the partner accepted, as {@code POST /completions} answers it: the
 * first time (201) and again for every repeat with its Idempotency-Key (200).
 *
 * @param attempt how many calls with this key had arrived when it was accepted
 */
public record AcceptedCompletion(
    String orderId, String idempotencyKey, int attempt, Instant receivedAt) {

  public Notification notification() {
    return new Notification(orderId, receivedAt, attempt);
  }
}
