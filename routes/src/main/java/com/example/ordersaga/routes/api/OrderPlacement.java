package com.example.ordersaga.routes.api;

import com.example.ordersaga.common.participant.errors.ErrorBody;
import com.example.ordersaga.common.participant.errors.InvalidRequest;
import com.example.ordersaga.common.participant.errors.JsonErrors;
import com.example.ordersaga.routes.api.OrderAnswers.Answer;
import com.example.ordersaga.routes.idempotency.IdempotencyKeys;
import com.example.ordersaga.routes.saga.OrderPlan;
import com.example.ordersaga.routes.saga.OrderPricing;
import com.example.ordersaga.routes.saga.SagaDeadline;
import com.example.ordersaga.routes.saga.SagaFailure;
import com.example.ordersaga.routes.saga.StepCalls;
import com.example.ordersaga.routes.view.OrderView;
import com.example.ordersaga.routes.view.SagaView;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The stages of {@code POST /api/orders} around the saga route: read and validate, claim the
 * Idempotency-Key (or replay its answer), price the order, record the saga, and answer — storing
 * the answer for replays. The routes call these in order; the saga itself is a route.
 */
public class OrderPlacement {

  public static final String ANSWER = "orderAnswer";
  private static final String KEY = "idempotencyKey";
  private static final Logger log = LoggerFactory.getLogger(OrderPlacement.class);

  private final RequestReader reader;
  private final IdempotencyKeys keys;
  private final OrderPricing pricing;
  private final SagaView view;
  private final SagaDeadline deadline;
  private final ObjectMapper json;

  public OrderPlacement(
      RequestReader reader,
      IdempotencyKeys keys,
      OrderPricing pricing,
      SagaView view,
      SagaDeadline deadline,
      ObjectMapper json) {
    this.reader = reader;
    this.keys = keys;
    this.pricing = pricing;
    this.view = view;
    this.deadline = deadline;
    this.json = json;
  }

  /** Reads the request and claims its Idempotency-Key; a replay gets its stored answer. */
  public void accept(Exchange exchange) throws Exception {
    Message in = exchange.getIn();
    PlaceOrderRequest request =
        reader.read(in.getHeader(Exchange.CONTENT_TYPE, String.class), in.getBody(String.class));
    String key = in.getHeader(IdempotencyKeys.HEADER, String.class);
    keys.validate(key);
    if (key != null) {
      Optional<IdempotencyKeys.StoredAnswer> earlier = keys.claimOrReplay(key);
      if (earlier.isPresent()) {
        exchange.setProperty(ANSWER, replay(earlier.get()));
        return;
      }
      exchange.setProperty(KEY, key);
    }
    in.setBody(request);
  }

  /** Prices the order and records it PENDING; nothing is written for an invalid order. */
  public void plan(Exchange exchange) throws JsonProcessingException {
    String orderId = UUID.randomUUID().toString();
    PlaceOrderRequest request = exchange.getIn().getBody(PlaceOrderRequest.class);
    exchange.setProperty(StepCalls.ORDER_ID, orderId); // in the logging MDC from here on
    OrderPlan plan = pricing.plan(orderId, request);
    exchange.setProperty(StepCalls.PLAN, plan);
    view.opened(plan);
  }

  /** First thing inside the saga: the LRA exists now. */
  public void sagaStarted(Exchange exchange) {
    String lraId = exchange.getProperty(StepCalls.LRA_ID, String.class);
    OrderPlan plan = exchange.getProperty(StepCalls.PLAN, OrderPlan.class);
    exchange.setProperty(StepCalls.DEADLINE, deadline.deadlineFrom(System.nanoTime()));
    view.joined(plan.orderId(), lraId);
    log.info("saga started for order {} ({})", plan.orderId(), lraId);
  }

  /** The saga route returned: every step done and the LRA closed. */
  public void completed(Exchange exchange) {
    OrderPlan plan = exchange.getProperty(StepCalls.PLAN, OrderPlan.class);
    view.completed(plan.orderId());
    exchange.setProperty(
        ANSWER, OrderAnswers.completed(plan, exchange.getProperty(StepCalls.LRA_ID, String.class)));
  }

  /** Whatever stopped the order: the answer the contract gives for it. */
  public void failed(Exchange exchange) {
    Exception caught = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
    exchange.setProperty(ANSWER, answerFor(exchange, caught));
  }

  /** Writes the answer, and stores it for replays of the Idempotency-Key. */
  public void respond(Exchange exchange) throws JsonProcessingException {
    Answer answer = exchange.getProperty(ANSWER, Answer.class);
    String body =
        answer.body() instanceof String text ? text : json.writeValueAsString(answer.body());
    String key = exchange.getProperty(KEY, String.class);
    if (key != null) {
      if (answer.status() == 400 || answer.status() == 415) {
        keys.release(key);
      } else {
        keys.record(key, answer.status(), body);
      }
    }
    Message out = exchange.getMessage();
    out.removeHeaders("*");
    out.setHeader(Exchange.HTTP_RESPONSE_CODE, answer.status());
    out.setHeader(Exchange.CONTENT_TYPE, "application/json");
    if (answer.location() != null) {
      out.setHeader("Location", answer.location());
    }
    out.setBody(body);
  }

  private Answer answerFor(Exchange exchange, Exception caught) {
    if (caught instanceof RequestReader.UnsupportedMediaType unsupported) {
      return OrderAnswers.invalid(415, unsupported.body());
    }
    if (caught instanceof JsonProcessingException unreadable) {
      InvalidRequest invalid = JsonErrors.toInvalidRequest(unreadable);
      return OrderAnswers.invalid(
          400, ErrorBody.invalid(invalid.getMessage(), invalid.violations()));
    }
    if (caught instanceof InvalidRequest invalid) {
      return OrderAnswers.invalid(
          400, ErrorBody.invalid(invalid.getMessage(), invalid.violations()));
    }
    if (caught instanceof IdempotencyKeys.KeyInUse inUse) {
      return OrderAnswers.invalid(409, ErrorBody.of("IDEMPOTENCY_KEY_IN_USE", inUse.getMessage()));
    }
    OrderPlan plan = exchange.getProperty(StepCalls.PLAN, OrderPlan.class);
    String lraId = exchange.getProperty(StepCalls.LRA_ID, String.class);
    if (plan != null && closeOutcomeUnknown(exchange, caught)) {
      // The view stays PENDING: the coordinator's callback to this orchestrator ends it.
      log.warn("order {}: closing its LRA failed, outcome not known yet", plan.orderId(), caught);
      return OrderAnswers.pending(plan.orderId(), lraId);
    }
    SagaFailure failure = sagaFailure(exchange, caught);
    String orderId =
        exchange.getProperty(StepCalls.ORDER_ID, UUID.randomUUID().toString(), String.class);
    if (plan != null) {
      view.cancelled(orderId, failure.reason(), failure.failedStep());
    }
    log.info("order {} cancelled: {} at {}", orderId, failure.reason(), failure.failedStep());
    return OrderAnswers.cancelled(orderId, lraId, failure);
  }

  /**
   * Every step passed, so only the close failed. Whatever the time, the coordinator may have taken
   * the close or not: if it cancels instead, its callback records TIMEOUT in the view.
   */
  private boolean closeOutcomeUnknown(Exchange exchange, Exception caught) {
    return !(caught instanceof SagaFailure)
        && exchange.getProperty(StepCalls.FAILURE) == null
        && exchange.getProperty(StepCalls.STEPS_DONE, false, Boolean.class);
  }

  /**
   * The step's own failure when there was one (ending the LRA may have failed after it and replaced
   * the exception); else the saga could not start or end at the coordinator.
   */
  private SagaFailure sagaFailure(Exchange exchange, Exception caught) {
    if (caught instanceof SagaFailure failure) {
      return failure;
    }
    SagaFailure stepFailure = exchange.getProperty(StepCalls.FAILURE, SagaFailure.class);
    if (stepFailure != null) {
      return stepFailure;
    }
    String step = exchange.getProperty(StepCalls.CURRENT_STEP, "lra-coordinator", String.class);
    if (deadline.passed(exchange.getProperty(StepCalls.DEADLINE, Long.class))) {
      return SagaFailure.timedOut(step);
    }
    log.warn("saga failed outside a step", caught);
    return SagaFailure.unavailable(step, String.valueOf(caught));
  }

  /**
   * The stored answer, except that one which said PENDING (the close's outcome was not known) is
   * answered with the order's outcome once it has one.
   */
  private Answer replay(IdempotencyKeys.StoredAnswer stored) throws JsonProcessingException {
    Map<?, ?> body = stored.status() == 201 || stored.status() == 503 ? readBody(stored) : Map.of();
    Object orderId = body.get("orderId");
    if (stored.status() == 201) {
      return new Answer(201, stored.body(), "/api/orders/" + orderId);
    }
    if ("PENDING".equals(body.get("status"))) {
      Answer pending = new Answer(503, stored.body(), "/api/orders/" + orderId);
      OrderView order = view.find(String.valueOf(orderId));
      return order == null ? pending : OrderAnswers.settled(order, pending);
    }
    return new Answer(stored.status(), stored.body(), null);
  }

  private Map<?, ?> readBody(IdempotencyKeys.StoredAnswer stored) {
    try {
      return json.readValue(stored.body(), Map.class);
    } catch (JsonProcessingException e) {
      return Map.of();
    }
  }
}
