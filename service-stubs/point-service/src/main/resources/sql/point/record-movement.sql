INSERT INTO point_movement (lra_id, kind, user_id, order_id, points, created_at)
VALUES (:#lraId, :#kind, :#userId, :#orderId, :#points, CURRENT_TIMESTAMP)
