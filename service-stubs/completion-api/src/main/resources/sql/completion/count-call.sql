UPDATE completion_key SET calls = calls + 1 WHERE idempotency_key = :#idempotencyKey
