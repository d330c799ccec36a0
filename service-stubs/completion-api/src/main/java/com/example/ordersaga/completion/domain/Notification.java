package com.example.ordersaga.completion.domain;

import java.time.Instant;

/** One accepted notification, as {@code GET /notifications} lists it (design.md §3). */
public record Notification(String orderId, Instant receivedAt, int attempt) {}
