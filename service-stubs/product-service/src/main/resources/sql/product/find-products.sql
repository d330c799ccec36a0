SELECT product_id, name, price, stock FROM product ORDER BY product_id
