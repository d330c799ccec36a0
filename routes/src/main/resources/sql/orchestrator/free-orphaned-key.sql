DELETE FROM idempotency_key
WHERE idem_key = :#key AND status_code IS NULL AND order_id IS NULL AND created_at < :#before
