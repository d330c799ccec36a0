package com.example.ordersaga.routes.saga;

import com.example.ordersaga.routes.view.SagaView;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What happens around each service call of the saga: only the LRA and fault-injection headers go
 * out; the answer becomes the step's outcome (recorded in the saga view) or a {@link SagaFailure}
 * that makes the saga compensate.
 */
public class StepCalls {

  private static final Logger log = LoggerFactory.getLogger(StepCalls.class);

  public static final String PLAN = "orderPlan";
  public static final String DEADLINE = "sagaDeadline";
  public static final String CURRENT_STEP = "sagaStep";

  /** The order's and the LRA's ids; also the logging MDC's keys (camel.mdc in application.yml). */
  public static final String ORDER_ID = "orderId";

  public static final String LRA_ID = "lraId";

  /** The failure a step saw, kept in case ending the LRA fails afterwards and replaces it. */
  public static final String FAILURE = "sagaFailure";

  /** Set once every step passed: what can still fail is closing the LRA. */
  public static final String STEPS_DONE = "sagaStepsDone";

  private static final String SIMULATE_FAILURE = "X-Simulate-Failure";

  private final SagaView view;
  private final SagaDeadline deadline;
  private final ObjectMapper json;

  public StepCalls(SagaView view, SagaDeadline deadline, ObjectMapper json) {
    this.view = view;
    this.deadline = deadline;
    this.json = json;
  }

  /** Before a step: refuse to start it past the deadline; send only what the service needs. */
  public void prepare(Exchange exchange, StepSpec spec) throws IOException {
    String step = spec.step();
    exchange.setProperty(CURRENT_STEP, step);
    if (deadline.passed(exchange.getProperty(DEADLINE, Long.class))) {
      throw fail(exchange, SagaFailure.timedOut(step));
    }
    OrderPlan plan = exchange.getProperty(PLAN, OrderPlan.class);
    Object body = spec.body() == null ? null : spec.body().apply(plan);
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
    message.setBody(body == null ? null : json.writeValueAsString(body));
  }

  /** After a step's call: 2xx passes; anything else fails the saga with the service's reason. */
  public void check(Exchange exchange) {
    String step = exchange.getProperty(CURRENT_STEP, String.class);
    String orderId = exchange.getProperty(PLAN, OrderPlan.class).orderId();
    int status = exchange.getMessage().getHeader(Exchange.HTTP_RESPONSE_CODE, 0, Integer.class);
    log.debug("{} answered {}", step, status);
    if (status >= 200 && status < 300) {
      view.stepDone(orderId, step, "OK");
      return;
    }
    String answer = exchange.getMessage().getBody(String.class);
    String reason = reasonOf(answer);
    SagaFailure failure;
    if (deadline.passed(exchange.getProperty(DEADLINE, Long.class))) {
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
    throw fail(exchange, failure);
  }

  /** The call itself failed (connection refused, no answer in time). */
  public void unreachable(Exchange exchange) {
    String step = exchange.getProperty(CURRENT_STEP, String.class);
    String orderId = exchange.getProperty(PLAN, OrderPlan.class).orderId();
    Exception cause = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
    SagaFailure failure =
        deadline.passed(exchange.getProperty(DEADLINE, Long.class))
            ? SagaFailure.timedOut(step)
            : SagaFailure.unavailable(step, step + " unreachable: " + cause);
    view.stepDone(orderId, step, failure.reason());
    throw fail(exchange, failure);
  }

  private SagaFailure fail(Exchange exchange, SagaFailure failure) {
    exchange.setProperty(FAILURE, failure);
    OrderPlan plan = exchange.getProperty(PLAN, OrderPlan.class);
    view.failing(plan.orderId(), failure.reason(), failure.failedStep());
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
