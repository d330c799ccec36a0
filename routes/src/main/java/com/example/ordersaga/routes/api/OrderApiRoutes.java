package com.example.ordersaga.routes.api;

import com.example.ordersaga.common.participant.errors.ErrorBody;
import com.example.ordersaga.common.participant.errors.NotFound;
import com.example.ordersaga.common.participant.faults.FaultInjection;
import com.example.ordersaga.routes.idempotency.IdempotencyKeys;
import com.example.ordersaga.routes.plan.PlaceOrderRequest;
import com.example.ordersaga.routes.saga.OrderSagaRoute;
import com.example.ordersaga.routes.saga.SagaRun;
import com.example.ordersaga.routes.view.OrderSummary;
import com.example.ordersaga.routes.view.OrderView;
import com.example.ordersaga.routes.view.SagaView;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.model.rest.RestBindingMode;
import org.apache.camel.model.rest.RestParamType;
import org.springframework.stereotype.Component;

/**
 * {@code POST /api/orders} and {@code GET /api/orders/{orderId}} (design.md §3), and {@code GET
 * /api/orders}, the list an audit reads.
 */
@Component
public class OrderApiRoutes extends RouteBuilder {

  private final OrderPlacement placement;
  private final SagaView view;

  public OrderApiRoutes(OrderPlacement placement, SagaView view) {
    this.placement = placement;
    this.view = view;
  }

  @Override
  public void configure() {
    onException(NotFound.class)
        .handled(true)
        .setHeader(Exchange.HTTP_RESPONSE_CODE, constant(404))
        .setHeader(Exchange.CONTENT_TYPE, constant("application/json"))
        .setBody(
            exchange ->
                ErrorBody.of(
                    "NOT_FOUND",
                    exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class).getMessage()));
    onException(Exception.class)
        .handled(true)
        .process(placement::failed)
        .process(placement::respond);

    rest("/api/orders")
        .post()
        .id("rest-place-order")
        .description("Place an order: runs the order saga and answers its outcome")
        .produces("application/json")
        .type(PlaceOrderRequest.class)
        .bindingMode(RestBindingMode.off)
        .param()
        .name(IdempotencyKeys.HEADER)
        .type(RestParamType.header)
        .required(false)
        .description("Replays get the first answer, without a second order (≤ 100 characters)")
        .endParam()
        .param()
        .name(FaultInjection.HEADER)
        .type(RestParamType.header)
        .required(false)
        .description("dev/test only: <step>[:after-commit][,…] fails that step")
        .endParam()
        .to("direct:place-order")
        .get()
        .id("rest-list-orders")
        .description("Every order saga, oldest first: status, LRA, amounts and reason (no steps)")
        .produces("application/json")
        .outType(OrderSummary[].class)
        .bindingMode(RestBindingMode.json)
        .to("direct:list-orders")
        .get("/{orderId}")
        .id("rest-get-order")
        .description("The order saga's state and step history")
        .produces("application/json")
        .outType(OrderView.class)
        .bindingMode(RestBindingMode.json)
        .to("direct:get-order");

    from("direct:place-order")
        .routeId("place-order")
        .process(placement::accept)
        .choice()
        .when(exchangeProperty(OrderPlacement.ANSWER).isNull())
        .process(placement::plan)
        .to(OrderSagaRoute.SAGA)
        .process(placement::finished)
        .end()
        .process(placement::respond);

    from("direct:get-order")
        .routeId("get-order")
        .setProperty(SagaRun.MDC_ORDER_ID, header("orderId"))
        .process(
            exchange ->
                exchange
                    .getMessage()
                    .setBody(view.find(exchange.getIn().getHeader("orderId", String.class))));

    from("direct:list-orders").routeId("list-orders").setBody(exchange -> view.all());
  }
}
