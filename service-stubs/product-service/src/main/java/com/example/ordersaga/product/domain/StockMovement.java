package com.example.ordersaga.product.domain;

import java.time.Instant;

/**
 * One row of the stock ledger, as {@code GET /movements} answers it: what a saga took of one
 * product for its order ({@code DEDUCT}) or gave back when compensated ({@code RESTORE}).
 */
public record StockMovement(
    String orderId, String productId, String kind, long quantity, String lraId, Instant at) {}
