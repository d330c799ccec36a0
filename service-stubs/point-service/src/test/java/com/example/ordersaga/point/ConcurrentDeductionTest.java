package com.example.ordersaga.point;

import org.springframework.test.context.TestPropertySource;

/** The race on the embedded default database (H2 in PostgreSQL mode). */
@PointServiceOnH2
// A database of its own: the contract counts the whole participant ledger.
@TestPropertySource(
    properties =
        "spring.datasource.url=jdbc:h2:mem:point-concurrency;DB_CLOSE_DELAY=-1;"
            + "${ordersaga.h2-options}")
class ConcurrentDeductionTest extends ConcurrentDeductionContract {}
