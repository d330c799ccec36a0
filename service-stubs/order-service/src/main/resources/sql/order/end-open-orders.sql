UPDATE orders SET status = :#status, updated_at = CURRENT_TIMESTAMP
WHERE lra_id = :#lraId AND status IN ('PENDING', 'CONFIRMING')
