SELECT order_id, lra_id, user_id, items, status, total_amount, points_used, paid_amount, reason, failed_step
FROM saga_order WHERE order_id = :#orderId
