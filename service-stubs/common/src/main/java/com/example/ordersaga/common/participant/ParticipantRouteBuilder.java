package com.example.ordersaga.common.participant;

import com.example.ordersaga.common.logging.LogIds;
import com.example.ordersaga.common.participant.callback.CallbackSigning;
import com.example.ordersaga.common.participant.errors.BusinessRejection;
import com.example.ordersaga.common.participant.errors.ErrorBody;
import com.example.ordersaga.common.participant.errors.ErrorBody.Violation;
import com.example.ordersaga.common.participant.errors.InvalidRequest;
import com.example.ordersaga.common.participant.errors.JsonErrors;
import com.example.ordersaga.common.participant.errors.NotFound;
import com.example.ordersaga.common.participant.errors.RequestValidator;
import com.example.ordersaga.common.participant.faults.FaultInjection;
import com.example.ordersaga.common.participant.faults.SimulatedFailure;
import com.example.ordersaga.common.participant.ledger.ParticipantSteps;
import com.example.ordersaga.common.tracing.CallbackTraceLink;
import com.fasterxml.jackson.core.JsonProcessingException;
import java.util.List;
import java.util.function.BiFunction;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.model.RouteDefinition;
import org.apache.camel.model.SagaDefinition;
import org.apache.camel.model.SagaPropagation;

/**
 * Base of a service's routes: maps the typed errors to the contract's JSON once, and declares a
 * participant's saga step ({@code MANDATORY}: it joins the orchestrator's LRA) with the step name
 * and its callback token as options, so the coordinator's callbacks can be authenticated.
 */
public abstract class ParticipantRouteBuilder extends RouteBuilder {

  private final CallbackSigning signing;
  private final RequestValidator validator;
  private final ParticipantSteps steps;

  protected ParticipantRouteBuilder(ParticipantRouting routing) {
    this.signing = routing.signing();
    this.validator = routing.validator();
    this.steps = routing.steps();
  }

  /**
   * Call first in {@code configure()}: error answers, and the order and LRA ids in the log lines,
   * for every route of this builder.
   */
  protected void participantDefaults() {
    mapErrorsToContract();
    // Every direct route: the steps (typed body, LRA header) and the coordinator's callbacks
    // (LRA header, orderId option), which camel-lra's participant routes forward here.
    interceptFrom("direct:*").process(LogIds::fromRequest);
  }

  private void mapErrorsToContract() {
    answer(
        BusinessRejection.class,
        409,
        (rejection, step) ->
            ErrorBody.rejection(rejection.reason().name(), step, rejection.getMessage()));
    answer(
        SimulatedFailure.class,
        500,
        (failure, step) -> ErrorBody.failure(step, failure.getMessage()));
    answer(
        NotFound.class, 404, (notFound, step) -> ErrorBody.of("NOT_FOUND", notFound.getMessage()));
    answer(InvalidRequest.class, 400, (invalid, step) -> invalidBody(invalid));
    answer(
        JsonProcessingException.class,
        400,
        (unreadable, step) -> invalidBody(JsonErrors.toInvalidRequest(unreadable)));
    answer(Exception.class, 500, (error, step) -> ErrorBody.failure(step, error.toString()));
  }

  /** Answers {@code type} (caught in any route of this builder) with {@code status} and a body. */
  private <T extends Exception> void answer(
      Class<T> type, int status, BiFunction<T, String, ErrorBody> body) {
    onException(type)
        .handled(true)
        .process(
            exchange -> {
              Message out = exchange.getMessage();
              out.setHeader(Exchange.HTTP_RESPONSE_CODE, status);
              out.setHeader(Exchange.CONTENT_TYPE, "application/json");
              // Marshalled by the operation's JSON binding (every participant operation binds
              // JSON).
              out.setBody(
                  body.apply(
                      exchange.getProperty(Exchange.EXCEPTION_CAUGHT, type),
                      exchange.getProperty(STEP_PROPERTY, String.class)));
            });
  }

  private static ErrorBody invalidBody(InvalidRequest invalid) {
    return ErrorBody.invalid(invalid.getMessage(), invalid.violations());
  }

  /**
   * The participant side of a saga step: checks the caller's {@code Long-Running-Action} header and
   * validates the JSON body (nothing is joined for invalid input), then joins the LRA ({@code
   * MANDATORY}) with its compensation and completion endpoints, the step name and the callback
   * token as options. Add the step's work to the returned definition.
   *
   * @param completion the step's completion endpoint, or null when closing the LRA needs no domain
   *     work: the step then still records its completion in the ledger, so a compensation replayed
   *     after the LRA closed finds the step completed and changes nothing
   */
  protected SagaDefinition joinSaga(String step, String compensation, String completion) {
    String closing = completion;
    if (closing == null) {
      closing = "direct:" + step + "-closed";
      from(closing)
          .routeId(step + "-closed")
          .process(exchange -> steps.complete(lraId(exchange), step));
    }
    String sagaEndpoint = "direct:" + step + "-saga";
    from("direct:" + step)
        .routeId(step)
        .setProperty(STEP_PROPERTY, constant(step))
        .process(ParticipantRouteBuilder::requireLra)
        .process(this::validateBody)
        .to(sagaEndpoint);
    // A route's saga wraps the whole route, so the checks above live in a route of their own.
    return signedCallbacks(
            from(sagaEndpoint)
                .routeId(step + "-saga")
                .saga()
                .propagation(SagaPropagation.MANDATORY),
            step,
            compensation,
            closing)
        // Comes back as a header of the callbacks: their log lines name the order too.
        .option(LogIds.ORDER_ID, exchangeProperty(LogIds.ORDER_ID))
        .option(CallbackTraceLink.OPTION, CallbackTraceLink.joiningSpan());
  }

  /** See {@link CallbackSigning#signedCallbacks}. */
  protected SagaDefinition signedCallbacks(
      SagaDefinition saga, String step, String compensation, String completion) {
    return signing.signedCallbacks(saga, step, compensation, completion);
  }

  /**
   * A step with nothing to compensate or complete (payment-validate, order-complete): the same
   * checks as {@link #joinSaga}, but no join, which saves two coordinator calls per saga. Its
   * idempotency and fencing come from the ledger and the domain's conditional updates.
   */
  protected RouteDefinition localStep(String step) {
    return from("direct:" + step)
        .routeId(step)
        .setProperty(STEP_PROPERTY, constant(step))
        .process(ParticipantRouteBuilder::requireLra)
        .process(this::validateBody);
  }

  /** For routes outside a saga step that validate their body too (admin endpoints). */
  protected void validateBody(Exchange exchange) {
    validator.validate(exchange.getIn().getBody());
  }

  /** The LRA the caller's {@code Long-Running-Action} header names (null outside a saga). */
  protected static String lraId(Exchange exchange) {
    return headerOf(exchange, Exchange.SAGA_LONG_RUNNING_ACTION);
  }

  /** The request's fault-injection list ({@link FaultInjection#HEADER}), or null. */
  protected static String simulatedFailure(Exchange exchange) {
    return headerOf(exchange, FaultInjection.HEADER);
  }

  protected static String headerOf(Exchange exchange, String name) {
    return exchange.getIn().getHeader(name, String.class);
  }

  protected static <T> T bodyOf(Exchange exchange, Class<T> type) {
    return exchange.getIn().getBody(type);
  }

  private static void requireLra(Exchange exchange) {
    String lraId = lraId(exchange);
    if (lraId == null || !(lraId.startsWith("http://") || lraId.startsWith("https://"))) {
      throw new InvalidRequest(
          "the " + Exchange.SAGA_LONG_RUNNING_ACTION + " header must carry the LRA id (a URL)",
          List.of(new Violation(Exchange.SAGA_LONG_RUNNING_ACTION, "must be an LRA URL")));
    }
  }

  private static final String STEP_PROPERTY = "ordersaga.step";
}
