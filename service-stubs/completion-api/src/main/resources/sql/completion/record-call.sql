INSERT INTO completion_call (idempotency_key, order_id, attempt, received_at, answered_status)
VALUES (:#idempotencyKey, :#orderId, :#attempt, :#receivedAt, :#status)
