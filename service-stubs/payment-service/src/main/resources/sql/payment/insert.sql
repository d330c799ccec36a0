INSERT INTO payment (payment_id, lra_id, order_id, user_id, method, amount, status, created_at, updated_at)
VALUES (:#paymentId, :#lraId, :#orderId, :#userId, :#method, :#amount, :#status, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)
