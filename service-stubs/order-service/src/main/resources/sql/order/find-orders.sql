SELECT order_id, lra_id, user_id, payment_method, total_amount, points_used, paid_amount, status, created_at, updated_at
FROM orders ORDER BY created_at, order_id
