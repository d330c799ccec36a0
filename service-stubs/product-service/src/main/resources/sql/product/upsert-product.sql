MERGE INTO product p
USING (SELECT CAST(:#productId AS VARCHAR(64)) AS product_id, CAST(:#name AS VARCHAR(200)) AS name,
              CAST(:#price AS BIGINT) AS price, CAST(:#stock AS BIGINT) AS stock) s
ON p.product_id = s.product_id
WHEN MATCHED THEN UPDATE SET name = s.name, price = s.price, stock = s.stock, updated_at = CURRENT_TIMESTAMP
WHEN NOT MATCHED THEN INSERT (product_id, name, price, stock, updated_at)
    VALUES (s.product_id, s.name, s.price, s.stock, CURRENT_TIMESTAMP)
