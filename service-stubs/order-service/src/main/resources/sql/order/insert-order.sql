INSERT INTO orders (order_id, lra_id, user_id, payment_method, total_amount, points_used, paid_amount, status, created_at, updated_at)
VALUES (:#orderId, :#lraId, :#userId, :#paymentMethod, :#totalAmount, :#pointsUsed, :#paidAmount, 'PENDING', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)
