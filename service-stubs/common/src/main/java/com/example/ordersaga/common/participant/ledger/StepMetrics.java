package com.example.ordersaga.common.participant.ledger;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * A participant's saga counters, tagged by service and step: {@code saga_compensations_total}
 * (compensations that undid an applied action) and {@code saga_fenced_total} (compensations that
 * came before their action and fenced it). Counted once per LRA and step, after the commit.
 */
public class StepMetrics {

  private final MeterRegistry registry;
  private final String service;

  public StepMetrics(MeterRegistry registry, String service) {
    this.registry = registry;
    this.service = service;
  }

  void compensated(String step) {
    counter("saga.compensations", "Compensations that undid an applied action", step).increment();
  }

  void fenced(String step) {
    counter("saga.fenced", "Compensations that came before their action (fenced)", step)
        .increment();
  }

  private Counter counter(String name, String description, String step) {
    return Counter.builder(name)
        .description(description)
        .tag("service", service)
        .tag("step", step)
        .register(registry);
  }
}
