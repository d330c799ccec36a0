package com.example.ordersaga.product;

/** The stock race on the embedded default database (H2 in PostgreSQL mode). */
@ProductServiceOnH2
class ConcurrentDeductionTest extends ConcurrentDeductionContract {}
