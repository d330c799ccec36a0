SELECT payment_id, order_id, amount, status FROM payment WHERE order_id = :#orderId
ORDER BY created_at, payment_id
