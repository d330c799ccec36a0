UPDATE saga_order
SET status = 'CANCELLED', reason = COALESCE(reason, 'TIMEOUT'), failed_step = COALESCE(failed_step, 'order-saga'),
    updated_at = CURRENT_TIMESTAMP
WHERE status = 'PENDING' AND lra_id IS NULL AND created_at < :#before
