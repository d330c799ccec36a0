package com.example.ordersaga.routes.api;

import com.example.ordersaga.common.json.StrictJsonBody;
import com.example.ordersaga.common.participant.errors.ErrorBody;
import com.example.ordersaga.common.participant.errors.InvalidRequest;
import com.example.ordersaga.common.participant.errors.JsonErrors;
import com.example.ordersaga.common.tracing.ExchangeSpans;
import com.example.ordersaga.routes.api.OrderAnswers.Answer;
import com.example.ordersaga.routes.idempotency.IdempotencyKeys;
import com.example.ordersaga.routes.plan.OrderPlan;
import com.example.ordersaga.routes.plan.PlaceOrderRequest;
import com.example.ordersaga.routes.pricing.OrderPricing;
import com.example.ordersaga.routes.saga.SagaDeadline;
import com.example.ordersaga.routes.saga.SagaFailure;
import com.example.ordersaga.routes.saga.SagaRun;
import com.example.ordersaga.routes.view.SagaMetrics;
import com.example.ordersaga.routes.view.SagaView;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
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
  private final SagaMetrics metrics;

  public OrderPlacement(
      RequestReader reader,
      IdempotencyKeys keys,
      OrderPricing pricing,
      SagaView view,
      SagaDeadline deadline,
      ObjectMapper json,
      SagaMetrics metrics) {
    this.reader = reader;
    this.keys = keys;
    this.pricing = pricing;
    this.view = view;
    this.deadline = deadline;
    this.json = json;
    this.metrics = metrics;
  }

  /** Reads the request and claims its Idempotency-Key; a replay gets its stored answer. */
  public void accept(Exchange exchange) throws Exception {
    Message in = exchange.getIn();
    PlaceOrderRequest request =
        reader.read(in.getHeader(Exchange.CONTENT_TYPE, String.class), in.getBody(byte[].class));
    String key = in.getHeader(IdempotencyKeys.HEADER, String.class);
    keys.validate(key);
    if (key != null) {
      Optional<IdempotencyKeys.StoredAnswer> earlier =
          keys.claimOrReplay(key, RequestFingerprint.of(json, request), this::endedAnswer);
      if (earlier.isPresent()) {
        metrics.replayed();
        exchange.setProperty(ANSWER, replay(earlier.get()));
        return;
      }
      exchange.setProperty(KEY, key);
    }
    in.setBody(request);
  }

  /** Prices the order and records it PENDING; nothing is written for an invalid order. */
  public void plan(Exchange exchange) throws Exception {
    String orderId = UUID.randomUUID().toString();
    PlaceOrderRequest request = exchange.getIn().getBody(PlaceOrderRequest.class);
    exchange.setProperty(
        SagaRun.MDC_ORDER_ID, orderId); // in the logs, and the answer if pricing fails
    // The price quotes are calls of their own (ProducerTemplate): spans of this request's trace.
    OrderPlan plan = ExchangeSpans.within(exchange, () -> pricing.plan(orderId, request));
    SagaRun.start(exchange, plan);
    view.opened(plan);
    String key = exchange.getProperty(KEY, String.class);
    if (key != null) {
      // Before the saga starts: should this request die, a replay answers this order's outcome.
      keys.link(key, orderId);
    }
  }

  /** The saga route returned: completed (every step done, the LRA closed), or refused. */
  public void finished(Exchange exchange) {
    SagaRun run = SagaRun.of(exchange);
    if (run.rejected()) {
      exchange.setProperty(ANSWER, cancelled(run.orderId(), run, run.failure()));
      return;
    }
    view.completed(run.orderId());
    recordDuration("COMPLETED", run);
    exchange.setProperty(ANSWER, OrderAnswers.completed(run.plan(), run.lraId()));
  }

  private void recordDuration(String status, SagaRun run) {
    if (run.deadlineNanos() != null) {
      long startedNanos = run.deadlineNanos() - deadline.timeout().toNanos();
      metrics.took(status, Duration.ofNanos(System.nanoTime() - startedNanos));
    }
  }

  /** Whatever stopped the order: the answer the contract gives for it. */
  public void failed(Exchange exchange) {
    Exception caught = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
    exchange.setProperty(ANSWER, answerFor(exchange, caught));
  }

  /** Writes the answer, and stores it for replays of the Idempotency-Key. */
  public void respond(Exchange exchange) throws JsonProcessingException {
    Answer answer = exchange.getProperty(ANSWER, Answer.class);
    String body = bodyText(answer);
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
    if (caught instanceof StrictJsonBody.UnsupportedCharset unsupported) {
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
    if (caught instanceof IdempotencyKeys.KeyRefused refused) {
      return OrderAnswers.invalid(refused.status(), refused.body());
    }
    SagaRun run = SagaRun.of(exchange);
    if (run != null && run.closeOutcomeUnknown(caught)) {
      // The view stays PENDING: the coordinator's callback to this orchestrator ends it.
      log.warn("order {}: closing its LRA failed, outcome not known yet", run.orderId(), caught);
      return OrderAnswers.pending(run.orderId(), run.lraId());
    }
    if (run == null) {
      // Not planned: the price quote failed, or the request never got that far.
      SagaFailure failure =
          caught instanceof SagaFailure thrown
              ? thrown
              : SagaFailure.unavailable("lra-coordinator", String.valueOf(caught));
      if (!(caught instanceof SagaFailure)) {
        log.warn("saga failed outside a step", caught);
      }
      String orderId =
          exchange.getProperty(SagaRun.MDC_ORDER_ID, UUID.randomUUID().toString(), String.class);
      return cancelled(orderId, null, failure);
    }
    if (!(caught instanceof SagaFailure) && run.failure() == null) {
      log.warn("saga failed outside a step", caught);
    }
    return cancelled(run.orderId(), run, run.failureFor(caught, deadline));
  }

  /** The order ends CANCELLED with {@code failure} (recorded when it was planned). */
  private Answer cancelled(String orderId, SagaRun run, SagaFailure failure) {
    if (run != null) {
      view.cancelled(orderId, failure.reason(), failure.failedStep());
      recordDuration("CANCELLED", run);
    }
    log.info("order {} cancelled: {} at {}", orderId, failure.reason(), failure.failedStep());
    return OrderAnswers.cancelled(orderId, run == null ? null : run.lraId(), failure);
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
      return view.outcome(String.valueOf(orderId))
          .flatMap(OrderAnswers::ended)
          .orElse(new Answer(503, stored.body(), "/api/orders/" + orderId));
    }
    return new Answer(stored.status(), stored.body(), null);
  }

  /** The answer of an order that has ended, as a replay stores it; empty while it runs. */
  private Optional<IdempotencyKeys.StoredAnswer> endedAnswer(String orderId)
      throws JsonProcessingException {
    Optional<Answer> ended = view.outcome(orderId).flatMap(OrderAnswers::ended);
    if (ended.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        new IdempotencyKeys.StoredAnswer(ended.get().status(), bodyText(ended.get())));
  }

  private String bodyText(Answer answer) throws JsonProcessingException {
    return answer.body() instanceof String text ? text : json.writeValueAsString(answer.body());
  }

  private Map<?, ?> readBody(IdempotencyKeys.StoredAnswer stored) {
    try {
      return json.readValue(stored.body(), Map.class);
    } catch (JsonProcessingException e) {
      return Map.of();
    }
  }
}
