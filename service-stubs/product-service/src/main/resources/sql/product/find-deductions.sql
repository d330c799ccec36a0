SELECT product_id, order_id, quantity FROM stock_movement
WHERE lra_id = :#lraId AND kind = 'DEDUCT'
ORDER BY product_id
