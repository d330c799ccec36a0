UPDATE product SET stock = stock - :#quantity, updated_at = CURRENT_TIMESTAMP
WHERE product_id = :#productId AND stock >= :#quantity
