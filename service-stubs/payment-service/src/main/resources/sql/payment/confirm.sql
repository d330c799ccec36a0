UPDATE payment SET status = 'CONFIRMED', updated_at = CURRENT_TIMESTAMP
WHERE lra_id = :#lraId AND status = 'APPROVED'
