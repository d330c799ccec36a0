package com.example.ordersaga.routes;

import org.apache.camel.saga.CamelSagaService;
import org.apache.camel.saga.InMemorySagaService;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/** Camel's saga EIP needs a saga service: the in-memory one, for tests that run no real LRA. */
@TestConfiguration
public class InMemorySagas {
  @Bean
  CamelSagaService sagaService() {
    return new InMemorySagaService();
  }
}
