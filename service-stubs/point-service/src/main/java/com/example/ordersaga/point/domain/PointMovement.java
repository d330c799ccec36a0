package com.example.ordersaga.point.domain;

import java.time.Instant;

/**
 * One row of the point ledger, as {@code GET /movements} answers it: a saga's deduction for its
 * order ({@code DEDUCT}) or the refund that compensated it ({@code REFUND}).
 */
public record PointMovement(
    String orderId, String userId, String kind, long points, String lraId, Instant at) {}
