SELECT status_code, body, fingerprint, order_id, created_at FROM idempotency_key WHERE idem_key = :#key
