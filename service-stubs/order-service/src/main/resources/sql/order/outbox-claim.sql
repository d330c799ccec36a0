SELECT seq, event_id, order_id, event_type, payload FROM order_outbox WHERE sent_at IS NULL ORDER BY seq LIMIT 100 FOR UPDATE SKIP LOCKED
