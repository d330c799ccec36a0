SELECT order_id, user_id, kind, points, lra_id, created_at FROM point_movement ORDER BY id
