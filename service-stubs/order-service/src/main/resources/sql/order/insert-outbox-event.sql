INSERT INTO order_outbox (event_id, order_id, event_type, payload, created_at)
VALUES (:#eventId, :#orderId, :#eventType, :#payload, CURRENT_TIMESTAMP)
