SELECT COUNT(*) AS pending FROM order_outbox WHERE sent_at IS NULL
