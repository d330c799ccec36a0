SELECT product_id, name, price, stock FROM product WHERE product_id = :#productId
