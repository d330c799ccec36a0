UPDATE saga_order SET lra_id = :#lraId, updated_at = CURRENT_TIMESTAMP WHERE order_id = :#orderId
