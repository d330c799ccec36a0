-- The request a key was first used with (SHA-256 of the request as read): the same key with
-- another request is refused (422). The order it placed: a replay of a key whose request died
-- with its orchestrator answers that order's outcome.
ALTER TABLE idempotency_key ADD COLUMN fingerprint VARCHAR(64);
ALTER TABLE idempotency_key ADD COLUMN order_id VARCHAR(64);
-- Keys are purged after their retention.
CREATE INDEX idempotency_key_created ON idempotency_key (created_at);
