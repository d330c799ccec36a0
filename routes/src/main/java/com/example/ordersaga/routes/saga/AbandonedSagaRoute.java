package com.example.ordersaga.routes.saga;

import com.example.ordersaga.routes.view.SagaView;
import java.time.Duration;
import java.time.Instant;
import org.apache.camel.builder.RouteBuilder;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * After a crash of the orchestrator, the orders it had recorded but whose LRA it had not started
 * yet would stay PENDING forever: every few seconds, those older than the saga's time limit (and a
 * grace period) are cancelled. Sagas that did start end through the coordinator.
 */
@Component
public class AbandonedSagaRoute extends RouteBuilder {

  private final SagaView view;
  private final SagaDeadline deadline;

  /** Past the time limit, so that a saga starting slowly under load is not taken for dead. */
  private final Duration grace;

  public AbandonedSagaRoute(
      SagaView view,
      SagaDeadline deadline,
      @Value("${ordersaga.saga.abandon-grace:30s}") Duration grace) {
    this.view = view;
    this.deadline = deadline;
    this.grace = grace;
  }

  @Override
  public void configure() {
    from("timer:abandoned-sagas?delay=5000&period=10000")
        .routeId("abandoned-sagas")
        .process(
            exchange ->
                view.abandonOpenedBefore(Instant.now().minus(deadline.timeout()).minus(grace)));
  }
}
