SELECT status_code, body FROM idempotency_key WHERE idem_key = :#key
