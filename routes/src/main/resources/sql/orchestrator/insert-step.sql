INSERT INTO saga_step (order_id, step, outcome, at) VALUES (:#orderId, :#step, :#outcome, CURRENT_TIMESTAMP)
