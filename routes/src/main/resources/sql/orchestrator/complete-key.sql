UPDATE idempotency_key SET status_code = :#statusCode, body = :#body, completed_at = CURRENT_TIMESTAMP
WHERE idem_key = :#key AND status_code IS NULL
