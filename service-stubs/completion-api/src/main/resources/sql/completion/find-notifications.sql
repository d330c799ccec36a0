SELECT idempotency_key, order_id, accepted_at, attempt FROM completion_notification
WHERE CAST(:#orderId AS VARCHAR(64)) IS NULL OR order_id = :#orderId
ORDER BY accepted_at, idempotency_key
