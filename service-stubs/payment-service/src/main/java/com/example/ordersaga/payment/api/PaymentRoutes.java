package com.example.ordersaga.payment.api;

import com.example.ordersaga.participant.FaultInjection;
import com.example.ordersaga.participant.ParticipantRouteBuilder;
import com.example.ordersaga.participant.ParticipantRouting;
import com.example.ordersaga.payment.domain.Payment;
import com.example.ordersaga.payment.domain.PaymentApproval;
import com.example.ordersaga.payment.domain.Payments;
import org.apache.camel.Exchange;
import org.apache.camel.model.rest.RestBindingMode;
import org.springframework.stereotype.Component;

/**
 * REST API of payment-service and its saga steps: validate (local, no join), save (compensated by a
 * cancellation, completed by a confirmation).
 */
@Component
public class PaymentRoutes extends ParticipantRouteBuilder {

  private static final int CREATED = 201;

  private final PaymentParticipant participant;
  private final Payments payments;

  public PaymentRoutes(
      ParticipantRouting routing, PaymentParticipant participant, Payments payments) {
    super(routing);
    this.participant = participant;
    this.payments = payments;
  }

  @Override
  public void configure() {
    mapErrorsToContract();

    rest("/payments")
        .get()
        .id("rest-payment-list")
        .outType(Payment[].class)
        .bindingMode(RestBindingMode.json)
        .to("direct:payment-list")
        .post("/validations")
        .id("rest-payment-validate")
        .type(PaymentRequest.class)
        .outType(PaymentApproval.class)
        .bindingMode(RestBindingMode.json)
        .to("direct:" + PaymentParticipant.VALIDATE_STEP)
        .post()
        .id("rest-payment-save")
        .type(PaymentRequest.class)
        .outType(Payment.class)
        .bindingMode(RestBindingMode.json)
        .to("direct:" + PaymentParticipant.SAVE_STEP);

    from("direct:payment-list")
        .routeId("payment-list")
        .bean(payments, "ofOrder(${header.orderId})");

    localStep(PaymentParticipant.VALIDATE_STEP)
        .bean(participant, "validate(${body}, ${header." + FaultInjection.HEADER + "})");

    joinSaga(PaymentParticipant.SAVE_STEP, "direct:payment-cancel", "direct:payment-confirm")
        .bean(
            participant,
            "save(${header.Long-Running-Action}, ${body}, ${header." + FaultInjection.HEADER + "})")
        .setHeader(Exchange.HTTP_RESPONSE_CODE, constant(CREATED));

    from("direct:payment-cancel")
        .routeId("payment-cancel")
        .bean(participant, "cancel(${header.Long-Running-Action})");

    from("direct:payment-confirm")
        .routeId("payment-confirm")
        .bean(participant, "confirm(${header.Long-Running-Action})");
  }
}
