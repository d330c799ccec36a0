INSERT INTO saga_order (order_id, lra_id, user_id, items, status, total_amount, points_used, paid_amount, created_at, updated_at)
VALUES (:#orderId, :#lraId, :#userId, :#items, :#status, :#totalAmount, :#pointsUsed, :#paidAmount, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)
