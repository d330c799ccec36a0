SELECT calls FROM completion_key WHERE idempotency_key = :#idempotencyKey
