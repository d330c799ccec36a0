UPDATE participant_ledger SET state = :#state, updated_at = CURRENT_TIMESTAMP
WHERE lra_id = :#lraId AND step = :#step AND state = :#expected
