-- Camel's JDBC idempotent repository (camel-sql): the outcome events whose completion call was
-- made, by eventId, so that a re-published event is not called twice.
CREATE TABLE camel_messageprocessed (
    processorName VARCHAR(255) NOT NULL,
    messageId     VARCHAR(100) NOT NULL,
    createdAt     TIMESTAMP    NOT NULL,
    PRIMARY KEY (processorName, messageId)
);
