package com.example.ordersaga.order;

import org.springframework.boot.test.context.SpringBootTest;

/** The participant contract on the embedded default: H2 in PostgreSQL mode, in memory. */
@SpringBootTest(
    properties = {
      TestProperties.IN_MEMORY_DATABASE,
      TestProperties.NO_COORDINATOR,
      TestProperties.NO_KAFKA
    })
class OrderParticipantTest extends OrderParticipantContract {}
