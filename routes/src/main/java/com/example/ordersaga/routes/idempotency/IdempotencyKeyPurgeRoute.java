package com.example.ordersaga.routes.idempotency;

import java.time.Duration;
import org.apache.camel.builder.RouteBuilder;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** Purges the Idempotency-Keys past their retention, every {@code purge-period}. */
@Component
public class IdempotencyKeyPurgeRoute extends RouteBuilder {

  private final IdempotencyKeys keys;
  private final Duration period;

  public IdempotencyKeyPurgeRoute(
      IdempotencyKeys keys, @Value("${ordersaga.idempotency.purge-period}") Duration period) {
    this.keys = keys;
    this.period = period;
  }

  @Override
  public void configure() {
    fromF("timer:idempotency-key-purge?delay=%d&period=%d", period.toMillis(), period.toMillis())
        .routeId("idempotency-key-purge")
        .process(exchange -> keys.purgeExpired());
  }
}
