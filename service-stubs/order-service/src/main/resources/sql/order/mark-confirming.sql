UPDATE orders SET status = 'CONFIRMING', updated_at = CURRENT_TIMESTAMP
WHERE order_id = :#orderId AND lra_id = :#lraId AND status = 'PENDING'
