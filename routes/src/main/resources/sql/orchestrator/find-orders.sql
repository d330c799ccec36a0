SELECT order_id, status, lra_id, user_id, total_amount, points_used, paid_amount, reason
FROM saga_order ORDER BY created_at, order_id
