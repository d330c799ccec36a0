UPDATE participant_ledger SET response = :#response, updated_at = CURRENT_TIMESTAMP
WHERE lra_id = :#lraId AND step = :#step
