package com.example.ordersaga.product;

import com.example.ordersaga.common.participant.testing.PostgresDatabases;
import org.junit.jupiter.api.AfterAll;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The stock race on PostgreSQL, in a database of its own (migrated by Flyway like production).
 * Skipped when no PostgreSQL server is reachable, unless SAGA_REQUIRE_POSTGRES=true.
 */
@SpringBootTest(
    webEnvironment = WebEnvironment.RANDOM_PORT,
    properties = {ProductServiceOnH2.NO_COORDINATOR, ProductServiceOnH2.SERVLET_NAME + "postgres"})
@DirtiesContext
class ConcurrentDeductionPostgresIT extends ConcurrentDeductionContract {

  private static String databaseUrl;

  @DynamicPropertySource
  static void postgres(DynamicPropertyRegistry registry) {
    databaseUrl = PostgresDatabases.useFreshDatabase(registry, "product");
  }

  @AfterAll
  static void dropDatabase() {
    if (databaseUrl != null) {
      PostgresDatabases.drop(databaseUrl);
    }
  }
}
