INSERT INTO completion_notification (idempotency_key, order_id, accepted_at, attempt)
VALUES (:#idempotencyKey, :#orderId, :#receivedAt, :#attempt)
ON CONFLICT DO NOTHING
