SELECT user_id, order_id, points FROM point_movement WHERE lra_id = :#lraId AND kind = 'DEDUCT'
