INSERT INTO completion_key (idempotency_key, calls) VALUES (:#idempotencyKey, 0)
ON CONFLICT DO NOTHING
