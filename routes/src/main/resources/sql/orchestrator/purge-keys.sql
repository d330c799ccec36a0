DELETE FROM idempotency_key WHERE created_at < :#before
