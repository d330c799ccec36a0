UPDATE saga_order SET status = 'COMPLETED', updated_at = CURRENT_TIMESTAMP
WHERE order_id = :#orderId AND status = 'PENDING'
