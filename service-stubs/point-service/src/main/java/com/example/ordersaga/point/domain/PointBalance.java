package com.example.ordersaga.point.domain;

/**
 * A user's point balance, as {@code GET /points/{userId}} answers it (and each of {@code GET
 * /points}).
 */
public record PointBalance(String userId, long balance) {}
