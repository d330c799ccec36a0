INSERT INTO idempotency_key (idem_key, created_at) VALUES (:#key, CURRENT_TIMESTAMP) ON CONFLICT DO NOTHING
