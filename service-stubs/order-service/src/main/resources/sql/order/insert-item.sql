INSERT INTO order_item (order_id, line_no, product_id, quantity, unit_price)
VALUES (:#orderId, :#lineNo, :#productId, :#quantity, :#unitPrice)
