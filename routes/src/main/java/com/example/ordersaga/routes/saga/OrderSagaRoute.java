package com.example.ordersaga.routes.saga;

import static com.example.ordersaga.routes.saga.StepSpec.segment;

import com.example.ordersaga.common.participant.callback.CallbackSigning;
import com.example.ordersaga.routes.api.OrderPlacement;
import com.example.ordersaga.routes.view.SagaView;
import java.io.IOException;
import java.util.concurrent.TimeUnit;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.model.SagaPropagation;
import org.springframework.stereotype.Component;

/**
 * The order saga, as the table in design.md §1: one line per step. Each service joins the LRA with
 * its own compensation (named beside its step), so the coordinator calls the services back
 * directly; this route only starts the LRA and runs the steps. A failing step throws, the Saga EIP
 * cancels the LRA and the coordinator compensates every step already joined, in reverse order.
 */
@Component
public class OrderSagaRoute extends RouteBuilder {

  public static final String SAGA = "direct:order-saga";
  private static final String STEP = "order-saga";

  private final CallbackSigning signing;
  private final OrderPlacement placement;
  private final StepCalls calls;
  private final SagaView view;
  private final SagaDeadline deadline;

  public OrderSagaRoute(
      CallbackSigning signing,
      OrderPlacement placement,
      StepCalls calls,
      SagaView view,
      SagaDeadline deadline) {
    this.signing = signing;
    this.placement = placement;
    this.calls = calls;
    this.view = view;
    this.deadline = deadline;
  }

  @Override
  public void configure() {
    // Failures must reach the Saga EIP untouched: it compensates, then the API route answers.
    errorHandler(noErrorHandler());

    signing
        .signedCallbacks(
            from(SAGA)
                .routeId("order-saga")
                .saga()
                .propagation(SagaPropagation.REQUIRED)
                .timeout(deadline.timeout().toMillis(), TimeUnit.MILLISECONDS),
            STEP,
            "direct:order-saga-compensated",
            "direct:order-saga-completed")
        .option("orderId", simple("${exchangeProperty." + StepCalls.PLAN + ".orderId}"))
        .setProperty(StepCalls.LRA_ID, header(Exchange.SAGA_LONG_RUNNING_ACTION))
        .bean(placement, "sagaStarted")
        .to("direct:order-create") // compensation (order-service): order CANCELLED
        .to("direct:payment-validate") // no state, nothing to compensate
        .to("direct:point-deduct") // compensation (point-service): points refunded
        .to("direct:payment-save") // compensation (payment-service): payment CANCELLED
        .to("direct:stock-deduct") // compensation (product-service): stock restored
        .to("direct:order-complete") // covered by order-create's compensation
        .setProperty(StepCalls.STEPS_DONE, constant(true)); // then the Saga EIP closes the LRA

    step(
        new StepSpec(
            "order-create", "POST", "order-service", plan -> "/orders", StepRequests::orderCreate));
    step(
        new StepSpec(
            "payment-validate",
            "POST",
            "payment-service",
            plan -> "/payments/validations",
            StepRequests::payment));
    step(
        new StepSpec(
            "point-deduct",
            "POST",
            "point-service",
            plan -> "/points/" + segment(plan.userId()) + "/deductions",
            StepRequests::pointDeduction));
    step(
        new StepSpec(
            "payment-save", "POST", "payment-service", plan -> "/payments", StepRequests::payment));
    step(
        new StepSpec(
            "stock-deduct",
            "POST",
            "product-service",
            plan -> "/stock/deductions",
            StepRequests::stockDeduction));
    step(
        new StepSpec(
            "order-complete",
            "PUT",
            "order-service",
            plan -> "/orders/" + segment(plan.orderId()) + "/completion",
            null));

    // The coordinator's callbacks for the orchestrator's own part: the saga view's final state.
    from("direct:order-saga-completed")
        .routeId("order-saga-completed")
        .process(OrderSagaRoute::logContext)
        .bean(view, "completed(${header.orderId})");
    from("direct:order-saga-compensated")
        .routeId("order-saga-compensated")
        .process(OrderSagaRoute::logContext)
        .bean(view, "compensated(${header.orderId})");
  }

  /** A coordinator callback carries the ids as headers; the log lines want them as well. */
  private static void logContext(Exchange exchange) {
    Message in = exchange.getIn();
    exchange.setProperty(StepCalls.ORDER_ID, in.getHeader("orderId"));
    exchange.setProperty(StepCalls.LRA_ID, in.getHeader(Exchange.SAGA_LONG_RUNNING_ACTION));
  }

  /**
   * One service call over camel-http; its answer passes or fails the saga. A step may take as long
   * as the saga may (not the client's shorter default): a service that holds its answer past the
   * deadline times the saga out (504), one that refuses the connection is unavailable (503).
   */
  private void step(StepSpec spec) {
    from("direct:" + spec.step())
        .routeId("step-" + spec.step())
        .process(exchange -> calls.prepare(exchange, spec))
        .doTry()
        .to(
            "{{ordersaga.urls."
                + spec.service()
                + "}}?throwExceptionOnFailure=false&responseTimeout="
                + deadline.timeout().toMillis())
        .doCatch(IOException.class)
        .process(calls::unreachable)
        .end()
        .process(calls::check);
  }
}
