UPDATE payment SET status = 'CANCELLED', updated_at = CURRENT_TIMESTAMP
WHERE lra_id = :#lraId AND status = 'APPROVED'
