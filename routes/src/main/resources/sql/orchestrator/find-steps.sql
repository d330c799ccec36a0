SELECT step, outcome, at FROM saga_step WHERE order_id = :#orderId ORDER BY id
