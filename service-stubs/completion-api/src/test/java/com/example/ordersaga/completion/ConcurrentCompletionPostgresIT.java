package com.example.ordersaga.completion;

import com.example.ordersaga.common.participant.testing.PostgresDatabases;
import org.junit.jupiter.api.AfterAll;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The same retry storm on the local PostgreSQL (skipped if unreachable, required in CI). */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext
class ConcurrentCompletionPostgresIT extends ConcurrentCompletionContract {

  private static String url;

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    url = PostgresDatabases.useFreshDatabase(registry, "completion_test");
  }

  @AfterAll
  static void dropDatabase() {
    if (url != null) {
      PostgresDatabases.drop(url);
    }
  }
}
