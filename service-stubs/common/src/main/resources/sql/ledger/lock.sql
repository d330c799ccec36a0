SELECT state, response, reason FROM participant_ledger WHERE lra_id = :#lraId AND step = :#step FOR UPDATE
