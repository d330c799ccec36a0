UPDATE saga_order
SET status = 'CANCELLED', reason = COALESCE(reason, :#reason), failed_step = COALESCE(failed_step, :#failedStep),
    updated_at = CURRENT_TIMESTAMP
WHERE order_id = :#orderId AND status NOT IN ('COMPLETED', 'CANCELLED')
