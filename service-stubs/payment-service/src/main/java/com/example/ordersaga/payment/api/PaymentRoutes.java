package com.example.ordersaga.payment.api;

import com.example.ordersaga.common.participant.ParticipantRouteBuilder;
import com.example.ordersaga.common.participant.ParticipantRouting;
import com.example.ordersaga.payment.domain.Payment;
import com.example.ordersaga.payment.domain.PaymentApproval;
import com.example.ordersaga.payment.domain.Payments;
import org.apache.camel.Exchange;
import org.apache.camel.model.rest.RestBindingMode;
import org.apache.camel.model.rest.RestParamType;
import org.springframework.stereotype.Component;

/**
 * REST API of payment-service and its saga steps: validate (local, no join), save (compensated by a
 * cancellation, completed by a confirmation).
 */
@Component
public class PaymentRoutes extends ParticipantRouteBuilder {

  private static final int CREATED = 201;
  private static final String ORDER_ID = "orderId";

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
    participantDefaults();

    rest("/payments")
        .get()
        .id("rest-payment-list")
        .outType(Payment[].class)
        .bindingMode(RestBindingMode.json)
        .param()
        .name(ORDER_ID)
        .type(RestParamType.query)
        .required(false)
        .description("the order's payments; without it, every payment")
        .endParam()
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

    // Without the parameter: every payment (audits). Present but blank: refused, as before.
    from("direct:payment-list")
        .routeId("payment-list")
        .choice()
        .when(header(ORDER_ID).isNull())
        .setBody(exchange -> payments.all())
        .otherwise()
        .setBody(exchange -> payments.ofOrder(headerOf(exchange, ORDER_ID)));

    localStep(PaymentParticipant.VALIDATE_STEP).setBody(this::validate);

    joinSaga(PaymentParticipant.SAVE_STEP, "direct:payment-cancel", "direct:payment-confirm")
        .setBody(this::save)
        .setHeader(Exchange.HTTP_RESPONSE_CODE, constant(CREATED));

    from("direct:payment-cancel")
        .routeId("payment-cancel")
        .process(exchange -> participant.cancel(lraId(exchange)));

    from("direct:payment-confirm")
        .routeId("payment-confirm")
        .process(exchange -> participant.confirm(lraId(exchange)));
  }

  private PaymentApproval validate(Exchange exchange) {
    return participant.validate(bodyOf(exchange, PaymentRequest.class), simulatedFailure(exchange));
  }

  private Payment save(Exchange exchange) {
    return participant.save(
        lraId(exchange), bodyOf(exchange, PaymentRequest.class), simulatedFailure(exchange));
  }
}
