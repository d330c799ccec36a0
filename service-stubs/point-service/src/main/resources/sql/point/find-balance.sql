SELECT user_id, balance FROM point_account WHERE user_id = :#userId
