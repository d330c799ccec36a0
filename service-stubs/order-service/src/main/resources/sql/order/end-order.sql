UPDATE orders SET status = :#status, updated_at = CURRENT_TIMESTAMP
WHERE order_id = :#orderId AND status IN ('PENDING', 'CONFIRMING')
