-- One payment per saga at most: saved APPROVED, then CONFIRMED (LRA closed) or CANCELLED.
CREATE TABLE payment (
    payment_id VARCHAR(36)  PRIMARY KEY,
    lra_id     VARCHAR(255) NOT NULL,
    order_id   VARCHAR(64)  NOT NULL,
    user_id    VARCHAR(64)  NOT NULL,
    method     VARCHAR(16)  NOT NULL,
    amount     BIGINT       NOT NULL,
    status     VARCHAR(16)  NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT payment_method CHECK (method IN ('CARD', 'BANK_TRANSFER', 'POINTS_ONLY')),
    CONSTRAINT payment_status CHECK (status IN ('APPROVED', 'CONFIRMED', 'CANCELLED')),
    CONSTRAINT payment_amount_not_negative CHECK (amount >= 0),
    CONSTRAINT payment_once_per_saga UNIQUE (lra_id)
);

CREATE INDEX payment_by_order ON payment (order_id);
