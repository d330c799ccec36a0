SELECT payment_id, order_id, amount, status FROM payment ORDER BY created_at, payment_id
