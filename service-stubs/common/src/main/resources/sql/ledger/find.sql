SELECT lra_id, step, state, reason FROM participant_ledger WHERE lra_id = :#lraId ORDER BY step
