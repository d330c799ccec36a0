SELECT idempotency_key, order_id, accepted_at, attempt FROM completion_notification
WHERE idempotency_key = :#idempotencyKey
