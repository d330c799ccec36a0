package com.example.ordersaga.routes.view;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One order saga as {@code GET /api/orders} lists it: {@link OrderView} without its items and
 * steps, to keep a list of every order light.
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record OrderSummary(
    String orderId,
    String status,
    String lraId,
    String userId,
    long totalAmount,
    long pointsUsed,
    long paidAmount,
    String reason) {}
