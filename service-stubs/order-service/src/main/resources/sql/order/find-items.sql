SELECT product_id, quantity, unit_price FROM order_item WHERE order_id = :#orderId ORDER BY line_no
