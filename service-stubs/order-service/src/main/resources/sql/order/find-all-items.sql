SELECT order_id, product_id, quantity, unit_price FROM order_item ORDER BY order_id, line_no
