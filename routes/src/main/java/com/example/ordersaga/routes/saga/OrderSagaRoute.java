package com.example.ordersaga.routes.saga;

import com.example.ordersaga.common.participant.callback.CallbackSigning;
import com.example.ordersaga.common.tracing.CallbackTraceLink;
import com.example.ordersaga.routes.view.SagaView;
import java.io.IOException;
import java.util.concurrent.TimeUnit;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.model.SagaCompletionMode;
import org.apache.camel.model.SagaPropagation;
import org.apache.camel.model.TryDefinition;
import org.apache.camel.support.ExpressionAdapter;
import org.springframework.stereotype.Component;

/**
 * The order saga: starts the LRA, runs the steps of {@link OrderSagaSteps} in order, and ends the
 * LRA itself ({@code MANUAL} completion). Each service joins the LRA with its own compensation, so
 * the coordinator calls the services back directly. A business rejection is an answer: the route
 * stops there and compensates ({@code saga:compensate}). An error (a service down, the time limit)
 * fails the route after compensating. Once every step passed, {@code saga:complete} closes the LRA.
 */
@Component
public class OrderSagaRoute extends RouteBuilder {

  public static final String SAGA = "direct:order-saga";
  private static final String COMPLETED = "direct:order-saga-completed";
  private static final String COMPENSATED = "direct:order-saga-compensated";

  private final CallbackSigning signing;
  private final StepCalls calls;
  private final SagaView view;
  private final SagaDeadline deadline;

  public OrderSagaRoute(
      CallbackSigning signing, StepCalls calls, SagaView view, SagaDeadline deadline) {
    this.signing = signing;
    this.calls = calls;
    this.view = view;
    this.deadline = deadline;
  }

  @Override
  public void configure() {
    // Failures must reach the API route untouched: it answers them.
    errorHandler(noErrorHandler());

    TryDefinition saga =
        signing
            .signedCallbacks(
                from(SAGA)
                    .routeId("order-saga")
                    .saga()
                    .propagation(SagaPropagation.REQUIRED)
                    .completionMode(SagaCompletionMode.MANUAL)
                    .timeout(deadline.timeout().toMillis(), TimeUnit.MILLISECONDS),
                "order-saga",
                COMPENSATED,
                COMPLETED)
            .option(
                "orderId",
                new ExpressionAdapter() {
                  @Override
                  public Object evaluate(Exchange exchange) {
                    return SagaRun.of(exchange).orderId();
                  }
                })
            .option(CallbackTraceLink.OPTION, CallbackTraceLink.joiningSpan())
            // In the MDC from the next processor on (camel-mdc refreshes it per processor).
            .setProperty(SagaRun.MDC_LRA_ID, header(Exchange.SAGA_LONG_RUNNING_ACTION))
            .process(this::began)
            .doTry();
    for (SagaStep step : OrderSagaSteps.STEPS) {
      saga.filter(exchange -> SagaRun.of(exchange).stillRunning()).to(step.endpoint()).end();
      stepCall(step);
    }
    saga.doCatch(Exception.class)
        .process(OrderSagaRoute::carryTheLra)
        .to("saga:compensate")
        .process(OrderSagaRoute::rethrow)
        .end()
        .process(OrderSagaRoute::carryTheLra)
        .choice()
        .when(exchange -> SagaRun.of(exchange).rejected())
        .to("saga:compensate")
        .otherwise()
        .process(exchange -> SagaRun.of(exchange).allStepsDone())
        .to("saga:complete")
        .end();

    // The coordinator's callbacks for the orchestrator's own part: the saga view's final state.
    from(COMPLETED)
        .routeId("order-saga-completed")
        .process(OrderSagaRoute::callbackContext)
        .process(exchange -> view.completed(callbackOrderId(exchange)));
    from(COMPENSATED)
        .routeId("order-saga-compensated")
        .process(OrderSagaRoute::callbackContext)
        .process(exchange -> view.compensated(callbackOrderId(exchange)));
  }

  /** First thing inside the saga: the LRA exists now. */
  private void began(Exchange exchange) {
    SagaRun run = SagaRun.of(exchange);
    String lraId = exchange.getIn().getHeader(Exchange.SAGA_LONG_RUNNING_ACTION, String.class);
    run.began(lraId, deadline.deadlineFrom(System.nanoTime()));
    view.joined(run.orderId(), lraId);
    log.info("saga started for order {} ({})", run.orderId(), lraId);
  }

  /**
   * One service call over camel-http; its answer passes the step, refuses it or fails the saga. A
   * step may take as long as the saga may (not the client's shorter default): a service that holds
   * its answer past the deadline times the saga out (504), one that refuses the connection is
   * unavailable (503).
   */
  private void stepCall(SagaStep step) {
    from(step.endpoint())
        .routeId(step.routeId())
        .process(exchange -> calls.prepare(exchange, step))
        .doTry()
        .to(
            "{{ordersaga.urls."
                + step.service()
                + "}}?throwExceptionOnFailure=false&responseTimeout="
                + deadline.timeout().toMillis())
        .doCatch(IOException.class)
        .process(calls::unreachable)
        .end()
        .process(calls::check);
  }

  /** The step calls reset the headers; {@code saga:} finds the saga by this one. */
  private static void carryTheLra(Exchange exchange) {
    exchange
        .getMessage()
        .setHeader(Exchange.SAGA_LONG_RUNNING_ACTION, SagaRun.of(exchange).lraId());
  }

  /**
   * The error a step threw, thrown again once the saga is compensated: the API route answers it.
   */
  private static void rethrow(Exchange exchange) throws Exception {
    throw exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
  }

  /**
   * A coordinator callback carries the ids as headers; the log lines want them as well (in the MDC
   * from the next processor on).
   */
  private static void callbackContext(Exchange exchange) {
    Message in = exchange.getIn();
    exchange.setProperty(SagaRun.MDC_ORDER_ID, callbackOrderId(exchange));
    exchange.setProperty(SagaRun.MDC_LRA_ID, in.getHeader(Exchange.SAGA_LONG_RUNNING_ACTION));
  }

  private static String callbackOrderId(Exchange exchange) {
    return exchange.getIn().getHeader("orderId", String.class);
  }
}
