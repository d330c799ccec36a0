package com.example.ordersaga.order;

/** The participant contract on the embedded default: H2 in PostgreSQL mode, in memory. */
@OrderServiceOnH2
class OrderParticipantTest extends OrderParticipantContract {}
