UPDATE order_outbox SET sent_at = CURRENT_TIMESTAMP WHERE seq = :#${exchangeProperty.seq}
