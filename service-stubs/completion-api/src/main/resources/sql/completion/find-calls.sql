SELECT idempotency_key, order_id, attempt, received_at, answered_status FROM completion_call
WHERE CAST(:#orderId AS VARCHAR(64)) IS NULL OR order_id = :#orderId
ORDER BY id
