-- One row per (LRA, step) a participant has seen: the idempotency record of its forward action and
-- the fence that makes a late action after compensation (or completion) a rejected no-op.
CREATE TABLE participant_ledger (
    lra_id     VARCHAR(255) NOT NULL,
    step       VARCHAR(64)  NOT NULL,
    state      VARCHAR(16)  NOT NULL,
    response   VARCHAR,
    reason     VARCHAR(64),
    updated_at TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (lra_id, step),
    CONSTRAINT participant_ledger_state CHECK (state IN ('APPLIED', 'REJECTED', 'COMPENSATED', 'COMPLETED', 'FENCED'))
);
