SELECT order_id, product_id, kind, quantity, lra_id, created_at FROM stock_movement ORDER BY id
