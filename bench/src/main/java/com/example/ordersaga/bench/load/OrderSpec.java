package com.example.ordersaga.bench.load;

/**
 * One order the bench places: one item, so every mode does the same writes per order.
 *
 * @param sequence the order's number in this run (also its idempotency key's suffix)
 * @param pointsToUse above the user's balance for the orders meant to be rejected
 */
public record OrderSpec(
    long sequence,
    String userId,
    String productId,
    int quantity,
    long pointsToUse,
    boolean meantToBeRejected) {}
