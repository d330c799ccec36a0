-- An order is created PENDING (the saga's semantic lock: nothing may treat it as placed yet), may
-- be marked CONFIRMING by order-complete, and ends COMPLETED when its LRA closes or CANCELLED when
-- it is compensated.
CREATE TABLE orders (
    order_id       VARCHAR(64)  PRIMARY KEY,
    lra_id         VARCHAR(255) NOT NULL,
    user_id        VARCHAR(64)  NOT NULL,
    payment_method VARCHAR(16)  NOT NULL,
    total_amount   BIGINT       NOT NULL,
    points_used    BIGINT       NOT NULL,
    paid_amount    BIGINT       NOT NULL,
    status         VARCHAR(16)  NOT NULL,
    created_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT orders_status CHECK (status IN ('PENDING', 'CONFIRMING', 'COMPLETED', 'CANCELLED')),
    CONSTRAINT orders_payment_method CHECK (payment_method IN ('CARD', 'BANK_TRANSFER', 'POINTS_ONLY')),
    CONSTRAINT orders_amounts_not_negative CHECK (total_amount >= 0 AND points_used >= 0 AND paid_amount >= 0)
);

-- Compensation and completion find the order by its LRA.
CREATE INDEX orders_lra_id ON orders (lra_id);

CREATE TABLE order_item (
    order_id   VARCHAR(64) NOT NULL REFERENCES orders (order_id),
    line_no    INTEGER     NOT NULL,
    product_id VARCHAR(64) NOT NULL,
    quantity   INTEGER     NOT NULL,
    unit_price BIGINT      NOT NULL,
    PRIMARY KEY (order_id, line_no),
    CONSTRAINT order_item_quantity_positive CHECK (quantity > 0),
    CONSTRAINT order_item_unit_price_not_negative CHECK (unit_price >= 0)
);
