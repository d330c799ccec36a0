INSERT INTO idempotency_key (idem_key, fingerprint, created_at) VALUES (:#key, :#fingerprint, :#now)
ON CONFLICT DO NOTHING
