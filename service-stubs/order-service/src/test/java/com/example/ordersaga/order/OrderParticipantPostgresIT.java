package com.example.ordersaga.order;

import com.example.ordersaga.common.participant.testing.PostgresDatabases;
import org.junit.jupiter.api.AfterAll;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The participant contract on PostgreSQL, in a database of its own migrated by Flyway like
 * production. Skipped when no PostgreSQL server is reachable, unless SAGA_REQUIRE_POSTGRES=true.
 */
@SpringBootTest(properties = {TestProperties.NO_COORDINATOR, TestProperties.NO_KAFKA})
@DirtiesContext
class OrderParticipantPostgresIT extends OrderParticipantContract {

  private static String databaseUrl;

  @DynamicPropertySource
  static void postgres(DynamicPropertyRegistry registry) {
    databaseUrl = PostgresDatabases.useFreshDatabase(registry, "order");
  }

  @AfterAll
  static void dropDatabase() {
    if (databaseUrl != null) {
      PostgresDatabases.drop(databaseUrl);
    }
  }
}
