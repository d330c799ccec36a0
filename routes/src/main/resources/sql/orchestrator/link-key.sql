UPDATE idempotency_key SET order_id = :#orderId WHERE idem_key = :#key AND status_code IS NULL
