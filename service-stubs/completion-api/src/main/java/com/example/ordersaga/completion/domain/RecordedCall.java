package com.example.ordersaga.completion.domain;

import java.time.Instant;

/** One call the partner API received, and the status it answered. */
public record RecordedCall(
    String orderId, String idempotencyKey, int attempt, Instant receivedAt, int status) {}
