INSERT INTO stock_movement (lra_id, kind, product_id, order_id, quantity, created_at)
VALUES (:#lraId, :#kind, :#productId, :#orderId, :#quantity, CURRENT_TIMESTAMP)
