SELECT order_id FROM orders WHERE lra_id = :#lraId AND status IN ('PENDING', 'CONFIRMING') ORDER BY order_id
