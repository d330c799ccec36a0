package com.example.ordersaga.routes.saga;

import com.example.ordersaga.common.participant.faults.FaultInjection;
import com.example.ordersaga.common.tracing.SagaBaggage;
import com.example.ordersaga.routes.plan.OrderPlan;
import com.example.ordersaga.routes.view.SagaMetrics;
import com.example.ordersaga.routes.view.SagaView;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Duration;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What happens around each service call of the saga: only the LRA and fault-injection headers go
 * out; the answer becomes the step's outcome (recorded in the saga view). A business rejection is
 * recorded in the {@link SagaRun} (the saga route then compensates and answers); an error throws a
 * {@link SagaFailure}, which fails the route and compensates too.
 */
public class StepCalls {

  private static final Logger log = LoggerFactory.getLogger(StepCalls.class);

  private static final String SIMULATE_FAILURE = FaultInjection.HEADER;

  private final SagaView view;
  private final SagaDeadline deadline;
  private final ObjectMapper json;
  private final SagaMetrics metrics;

  public StepCalls(SagaView view, SagaDeadline deadline, ObjectMapper json, SagaMetrics metrics) {
    this.view = view;
    this.deadline = deadline;
    this.json = json;
    this.metrics = metrics;
  }

  /** Before a step: refuse to start it past the deadline; send only what the service needs. */
  public void prepare(Exchange exchange, SagaStep spec) throws IOException {
    SagaRun run = SagaRun.of(exchange);
    String step = spec.name();
    run.entering(step, System.nanoTime());
    if (deadline.passed(run.deadlineNanos())) {
      throw fail(run, SagaFailure.timedOut(step));
    }
    OrderPlan plan = run.plan();
    Object body = spec.body().apply(plan);
    Message message = exchange.getMessage();
    Object lra = message.getHeader(Exchange.SAGA_LONG_RUNNING_ACTION);
    Object simulate = message.getHeader(SIMULATE_FAILURE);
    message.removeHeaders("*");
    message.setHeader(Exchange.SAGA_LONG_RUNNING_ACTION, lra);
    if (simulate != null) {
      message.setHeader(SIMULATE_FAILURE, simulate);
    }
    message.setHeader(Exchange.HTTP_METHOD, spec.method());
    message.setHeader(Exchange.HTTP_PATH, spec.path().apply(plan));
    message.setHeader(Exchange.CONTENT_TYPE, "application/json");
    SagaBaggage.carry(message, plan.orderId(), run.lraId());
    message.setBody(body == null ? null : json.writeValueAsString(body));
  }

  /**
   * After a step's call: 2xx passes; a business rejection stops the saga with the service's reason;
   * anything else fails it.
   */
  public void check(Exchange exchange) {
    SagaRun run = SagaRun.of(exchange);
    String step = run.currentStep();
    String orderId = run.orderId();
    int status = exchange.getMessage().getHeader(Exchange.HTTP_RESPONSE_CODE, 0, Integer.class);
    timed(run);
    log.debug("{} answered {}", step, status);
    if (status >= 200 && status < 300) {
      view.stepDone(orderId, step, "OK");
      return;
    }
    String answer = exchange.getMessage().getBody(String.class);
    String reason = reasonOf(answer);
    SagaFailure failure;
    if (deadline.passed(run.deadlineNanos())) {
      failure = SagaFailure.timedOut(step);
    } else if (status == 409 && reason != null && !"LRA_ENDED".equals(reason)) {
      failure = SagaFailure.rejected(step, reason, step + " refused: " + reason);
    } else if (status == 503
        || (status == 404 && !ServiceAnswers.isContractNotFound(answer, json))) {
      // 503, or a 404 from a service whose web server is up before its routes: not there yet.
      failure = SagaFailure.unavailable(step, step + " answered " + status);
    } else {
      failure = SagaFailure.failed(step, step + " answered " + status);
    }
    view.stepDone(orderId, step, failure.reason());
    fail(run, failure);
    if (!failure.isRejection()) {
      throw failure;
    }
  }

  /** The call itself failed (connection refused, no answer in time). */
  public void unreachable(Exchange exchange) {
    SagaRun run = SagaRun.of(exchange);
    String step = run.currentStep();
    Exception cause = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
    timed(run);
    SagaFailure failure =
        deadline.passed(run.deadlineNanos())
            ? SagaFailure.timedOut(step)
            : SagaFailure.unavailable(step, step + " unreachable: " + cause);
    view.stepDone(run.orderId(), step, failure.reason());
    throw fail(run, failure);
  }

  /** The step's call took from its start until its answer (or its failure) came back. */
  private void timed(SagaRun run) {
    metrics.stepTook(
        run.currentStep(), Duration.ofNanos(System.nanoTime() - run.stepStartedNanos()));
  }

  /** Kept in the run in case ending the LRA fails afterwards and replaces the exception. */
  private SagaFailure fail(SagaRun run, SagaFailure failure) {
    run.failed(failure);
    view.failing(run.orderId(), failure.reason(), failure.failedStep());
    return failure;
  }

  private String reasonOf(String body) {
    if (body == null || body.isBlank()) {
      return null;
    }
    try {
      JsonNode answer = json.readTree(body);
      return answer.hasNonNull("reason") ? answer.get("reason").asText() : null;
    } catch (IOException notJson) {
      return null;
    }
  }
}
