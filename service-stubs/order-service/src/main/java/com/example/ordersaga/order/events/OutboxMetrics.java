package com.example.ordersaga.order.events;

import com.example.ordersaga.order.persistence.OrderOutbox;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;

/**
 * {@code outbox_pending}: the outcome events committed and not yet on Kafka, counted in the order
 * database at each scrape, so every replica reports the same backlog and none holds it in memory.
 */
@Component
public class OutboxMetrics {

  public OutboxMetrics(OrderOutbox outbox, MeterRegistry registry) {
    Gauge.builder("outbox.pending", outbox, OrderOutbox::pending)
        .description("Outcome events in the outbox that Kafka has not acknowledged yet")
        .register(registry);
  }
}
