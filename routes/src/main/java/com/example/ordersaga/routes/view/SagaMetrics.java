package com.example.ordersaga.routes.view;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;

/**
 * The orchestrator's saga metrics (Prometheus names in design.md §3): {@code saga_orders_total}
 * {status, reason} counted once per order when it ends, {@code saga_duration_seconds} {status} from
 * the saga's start to the answer, {@code saga_step_duration_seconds} {step} per service call, and
 * {@code idempotency_replays_total}.
 */
public class SagaMetrics {

  /** The reason tag of an order that completed. */
  public static final String NO_REASON = "none";

  private final MeterRegistry registry;
  private final Counter replays;

  public SagaMetrics(MeterRegistry registry) {
    this.registry = registry;
    this.replays =
        Counter.builder("idempotency.replays")
            .description("Requests answered from an Idempotency-Key's stored or linked outcome")
            .register(registry);
  }

  void ended(String status, String reason, long orders) {
    Counter.builder("saga.orders")
        .description("Orders that ended, by final status and reason")
        .tag("status", status)
        .tag("reason", reason == null ? NO_REASON : reason)
        .register(registry)
        .increment(orders);
  }

  /** The saga of an order ended with {@code status}, {@code took} after it started. */
  public void took(String status, Duration took) {
    Timer.builder("saga.duration")
        .description("From the saga's start to the order's answer, by final status")
        .tag("status", status)
        .publishPercentileHistogram()
        .register(registry)
        .record(took);
  }

  /** One step's service call answered (or failed) {@code took} after it went out. */
  public void stepTook(String step, Duration took) {
    Timer.builder("saga.step.duration")
        .description("One step's service call, from the request to its answer or failure")
        .tag("step", step)
        .publishPercentileHistogram()
        .register(registry)
        .record(took);
  }

  public void replayed() {
    replays.increment();
  }
}
