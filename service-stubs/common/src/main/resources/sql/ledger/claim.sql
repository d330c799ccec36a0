INSERT INTO participant_ledger (lra_id, step, state, response, reason, updated_at)
VALUES (:#lraId, :#step, :#state, :#response, :#reason, CURRENT_TIMESTAMP)
ON CONFLICT DO NOTHING
