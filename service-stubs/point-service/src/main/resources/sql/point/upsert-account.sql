MERGE INTO point_account a
USING (SELECT CAST(:#userId AS VARCHAR(64)) AS user_id, CAST(:#balance AS BIGINT) AS balance) s
ON a.user_id = s.user_id
WHEN MATCHED THEN UPDATE SET balance = s.balance, updated_at = CURRENT_TIMESTAMP
WHEN NOT MATCHED THEN INSERT (user_id, balance, updated_at) VALUES (s.user_id, s.balance, CURRENT_TIMESTAMP)
