SELECT user_id, balance FROM point_account ORDER BY user_id
