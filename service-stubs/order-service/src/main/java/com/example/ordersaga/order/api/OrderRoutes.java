package com.example.ordersaga.order.api;

import com.example.ordersaga.common.participant.ParticipantRouteBuilder;
import com.example.ordersaga.common.participant.ParticipantRouting;
import com.example.ordersaga.common.participant.faults.FaultInjection;
import com.example.ordersaga.order.domain.Order;
import com.example.ordersaga.order.domain.Orders;
import org.apache.camel.Exchange;
import org.apache.camel.model.rest.RestBindingMode;
import org.springframework.stereotype.Component;

/**
 * REST API of order-service and its saga steps: order-create joins the LRA (compensation cancels
 * the order, completion completes it); order-complete is local, covered by order-create.
 */
@Component
public class OrderRoutes extends ParticipantRouteBuilder {

  private static final String LRA = "${header." + Exchange.SAGA_LONG_RUNNING_ACTION + "}";
  private static final String SIMULATE_FAILURE = "${header." + FaultInjection.HEADER + "}";

  private final OrderParticipant participant;
  private final Orders orders;

  public OrderRoutes(ParticipantRouting routing, OrderParticipant participant, Orders orders) {
    super(routing);
    this.participant = participant;
    this.orders = orders;
  }

  @Override
  public void configure() {
    mapErrorsToContract();

    rest("/orders")
        .post()
        .id("rest-order-create")
        .type(CreateOrderRequest.class)
        .outType(Order.class)
        .bindingMode(RestBindingMode.json)
        .to("direct:" + OrderParticipant.CREATE_STEP)
        .get()
        .id("rest-order-list")
        .outType(Order[].class)
        .bindingMode(RestBindingMode.json)
        .to("direct:order-list")
        .get("/{orderId}")
        .id("rest-order-get")
        .outType(Order.class)
        .bindingMode(RestBindingMode.json)
        .to("direct:order-get")
        .put("/{orderId}/completion")
        .id("rest-order-complete")
        .outType(Order.class)
        .bindingMode(RestBindingMode.json)
        .to("direct:order-completion-request");

    from("direct:order-get").routeId("order-get").bean(orders, "order(${header.orderId})");

    from("direct:order-list").routeId("order-list").bean(orders, "all");

    joinSaga(OrderParticipant.CREATE_STEP, "direct:order-cancel", "direct:order-finish")
        .bean(participant, "create(" + LRA + ", ${body}, " + SIMULATE_FAILURE + ")")
        .setHeader(Exchange.HTTP_RESPONSE_CODE, constant(201))
        .setHeader("Location", simple("/orders/${body.orderId}"));

    from("direct:order-cancel").routeId("order-cancel").bean(participant, "cancel(" + LRA + ")");

    from("direct:order-finish").routeId("order-finish").bean(participant, "finish(" + LRA + ")");

    // No JSON body: the order id of the path becomes the request the step validates.
    from("direct:order-completion-request")
        .routeId("order-completion-request")
        .setBody(method(CompleteOrderRequest.class, "forOrder(${header.orderId})"))
        .to("direct:" + OrderParticipant.COMPLETE_STEP);

    localStep(OrderParticipant.COMPLETE_STEP)
        .bean(participant, "markReady(" + LRA + ", ${body.orderId}, " + SIMULATE_FAILURE + ")");
  }
}
