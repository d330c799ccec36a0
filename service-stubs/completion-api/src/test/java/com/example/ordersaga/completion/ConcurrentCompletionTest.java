package com.example.ordersaga.completion;

/** The retry storm on the embedded default database (H2 in PostgreSQL mode). */
@CompletionApiOnH2
class ConcurrentCompletionTest extends ConcurrentCompletionContract {}
