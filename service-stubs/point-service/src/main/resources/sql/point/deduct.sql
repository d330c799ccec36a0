UPDATE point_account SET balance = balance - :#points, updated_at = CURRENT_TIMESTAMP
WHERE user_id = :#userId AND balance >= :#points
