package com.example.ordersaga.order.api;

import com.example.ordersaga.common.participant.ParticipantRouteBuilder;
import com.example.ordersaga.common.participant.ParticipantRouting;
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

  private static final String ORDER_ID = "orderId";

  private final OrderParticipant participant;
  private final Orders orders;

  public OrderRoutes(ParticipantRouting routing, OrderParticipant participant, Orders orders) {
    super(routing);
    this.participant = participant;
    this.orders = orders;
  }

  @Override
  public void configure() {
    participantDefaults();

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

    from("direct:order-get")
        .routeId("order-get")
        .setBody(exchange -> orders.order(headerOf(exchange, ORDER_ID)));

    from("direct:order-list").routeId("order-list").setBody(exchange -> orders.all());

    joinSaga(OrderParticipant.CREATE_STEP, "direct:order-cancel", "direct:order-finish")
        .setBody(this::create)
        .setHeader(Exchange.HTTP_RESPONSE_CODE, constant(201))
        .setHeader("Location", simple("/orders/${body.orderId}"));

    from("direct:order-cancel")
        .routeId("order-cancel")
        .process(exchange -> participant.cancel(lraId(exchange)));

    from("direct:order-finish")
        .routeId("order-finish")
        .process(exchange -> participant.finish(lraId(exchange)));

    // No JSON body: the order id of the path becomes the request the step validates.
    from("direct:order-completion-request")
        .routeId("order-completion-request")
        .setBody(exchange -> CompleteOrderRequest.forOrder(headerOf(exchange, ORDER_ID)))
        .to("direct:" + OrderParticipant.COMPLETE_STEP);

    localStep(OrderParticipant.COMPLETE_STEP).setBody(this::markReady);
  }

  private Order create(Exchange exchange) {
    return participant.create(
        lraId(exchange), bodyOf(exchange, CreateOrderRequest.class), simulatedFailure(exchange));
  }

  private Order markReady(Exchange exchange) {
    return participant.markReady(
        lraId(exchange),
        bodyOf(exchange, CompleteOrderRequest.class).orderId(),
        simulatedFailure(exchange));
  }
}
