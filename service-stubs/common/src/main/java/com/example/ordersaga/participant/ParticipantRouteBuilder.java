package com.example.ordersaga.participant;

import com.example.ordersaga.participant.ErrorBody.Violation;
import com.fasterxml.jackson.core.JsonProcessingException;
import java.util.List;
import org.apache.camel.Exchange;
import org.apache.camel.Expression;
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

  private final CallbackTokens tokens;
  private final RequestValidator validator;
  private final ParticipantSteps steps;

  protected ParticipantRouteBuilder(ParticipantRouting routing) {
    this.tokens = routing.tokens();
    this.validator = routing.validator();
    this.steps = routing.steps();
  }

  /** Call first in {@code configure()}: error answers for every route of this builder. */
  protected void mapErrorsToContract() {
    onException(BusinessRejection.class)
        .handled(true)
        .process(
            exchange -> {
              BusinessRejection rejection = caught(exchange, BusinessRejection.class);
              answer(
                  exchange,
                  409,
                  ErrorBody.rejection(
                      rejection.reason().name(), step(exchange), rejection.getMessage()));
            });
    onException(SimulatedFailure.class)
        .handled(true)
        .process(
            exchange ->
                answer(
                    exchange,
                    500,
                    ErrorBody.failure(
                        step(exchange), caught(exchange, SimulatedFailure.class).getMessage())));
    onException(NotFound.class)
        .handled(true)
        .process(
            exchange ->
                answer(
                    exchange,
                    404,
                    ErrorBody.of("NOT_FOUND", caught(exchange, NotFound.class).getMessage())));
    onException(InvalidRequest.class)
        .handled(true)
        .process(
            exchange -> {
              InvalidRequest invalid = caught(exchange, InvalidRequest.class);
              answer(exchange, 400, ErrorBody.invalid(invalid.getMessage(), invalid.violations()));
            });
    onException(JsonProcessingException.class)
        .handled(true)
        .process(
            exchange -> {
              InvalidRequest invalid =
                  JsonErrors.toInvalidRequest(caught(exchange, JsonProcessingException.class));
              answer(exchange, 400, ErrorBody.invalid(invalid.getMessage(), invalid.violations()));
            });
    onException(Exception.class)
        .handled(true)
        .process(
            exchange ->
                answer(
                    exchange,
                    500,
                    ErrorBody.failure(
                        step(exchange),
                        exchange
                            .getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class)
                            .toString())));
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
          .bean(
              steps,
              "complete(${header." + Exchange.SAGA_LONG_RUNNING_ACTION + "}, '" + step + "')");
    }
    String sagaEndpoint = "direct:" + step + "-saga";
    from("direct:" + step)
        .routeId(step)
        .setProperty(STEP_PROPERTY, constant(step))
        .process(ParticipantRouteBuilder::requireLra)
        .bean(validator, "validate")
        .to(sagaEndpoint);
    // A route's saga wraps the whole route, so the checks above live in a route of their own.
    return signedCallbacks(
        from(sagaEndpoint).routeId(step + "-saga").saga().propagation(SagaPropagation.MANDATORY),
        step,
        compensation,
        closing);
  }

  /**
   * Sets a saga's compensation and completion endpoints with the options that authenticate their
   * callbacks (the step name and its token), for any propagation.
   */
  protected SagaDefinition signedCallbacks(
      SagaDefinition saga, String step, String compensation, String completion) {
    return saga.compensation(compensation)
        .completion(completion)
        .option(CallbackAuthenticationFilter.STEP_PARAMETER, constant(step))
        .option(
            CallbackAuthenticationFilter.TOKEN_PARAMETER, tokenFor(step, compensation, completion));
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
        .bean(validator, "validate");
  }

  /** For routes outside a saga step that validate their body too (admin endpoints). */
  protected RequestValidator requestValidator() {
    return validator;
  }

  private static void requireLra(Exchange exchange) {
    String lraId = exchange.getIn().getHeader(Exchange.SAGA_LONG_RUNNING_ACTION, String.class);
    if (lraId == null || !(lraId.startsWith("http://") || lraId.startsWith("https://"))) {
      throw new InvalidRequest(
          "the " + Exchange.SAGA_LONG_RUNNING_ACTION + " header must carry the LRA id (a URL)",
          List.of(new Violation(Exchange.SAGA_LONG_RUNNING_ACTION, "must be an LRA URL")));
    }
  }

  private static final String STEP_PROPERTY = "ordersaga.step";

  private Expression tokenFor(String step, String compensation, String completion) {
    return new Expression() {
      @Override
      public <T> T evaluate(Exchange exchange, Class<T> type) {
        String lraId = exchange.getIn().getHeader(Exchange.SAGA_LONG_RUNNING_ACTION, String.class);
        // Signed as camel-lra writes them into the callback URL (normalised endpoint URIs).
        CallbackTokens.Endpoints endpoints =
            new CallbackTokens.Endpoints(
                getContext().getEndpoint(compensation).getEndpointUri(),
                getContext().getEndpoint(completion).getEndpointUri());
        return type.cast(tokens.sign(lraId, step, endpoints));
      }
    };
  }

  private static <T extends Exception> T caught(Exchange exchange, Class<T> type) {
    return exchange.getProperty(Exchange.EXCEPTION_CAUGHT, type);
  }

  private static String step(Exchange exchange) {
    return exchange.getProperty(STEP_PROPERTY, String.class);
  }

  private static void answer(Exchange exchange, int status, ErrorBody body) {
    exchange.getMessage().setHeader(Exchange.HTTP_RESPONSE_CODE, status);
    exchange.getMessage().setHeader(Exchange.CONTENT_TYPE, "application/json");
    // Marshalled by the operation's JSON binding (every participant operation binds JSON).
    exchange.getMessage().setBody(body);
  }
}
