package com.example.ordersaga.common.events;

import java.time.Instant;

/**
 * An order's outcome on the topic {@code order-events} (key = orderId), exactly one per order that
 * order-service holds. Consumers dedupe by {@code eventId}: a relay crash between publishing and
 * marking the outbox row sent re-publishes the same event.
 */
public record OrderEvent(
    String eventId,
    OrderEventType type,
    String orderId,
    String userId,
    long totalAmount,
    long pointsUsed,
    long paidAmount,
    String lraId,
    Instant occurredAt) {}
