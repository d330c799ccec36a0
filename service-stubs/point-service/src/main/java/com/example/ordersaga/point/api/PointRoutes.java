package com.example.ordersaga.point.api;

import com.example.ordersaga.common.participant.ParticipantRouteBuilder;
import com.example.ordersaga.common.participant.ParticipantRouting;
import com.example.ordersaga.point.domain.PointAccounts;
import com.example.ordersaga.point.domain.PointBalance;
import com.example.ordersaga.point.domain.PointMovement;
import org.apache.camel.Exchange;
import org.apache.camel.model.rest.RestBindingMode;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** REST API of point-service and its saga step (deduct, compensated by a refund). */
@Component
public class PointRoutes extends ParticipantRouteBuilder {

  private static final String USER_ID = "userId";

  private final PointParticipant participant;
  private final PointAccounts accounts;
  private final boolean adminEnabled;

  public PointRoutes(
      ParticipantRouting routing,
      PointParticipant participant,
      PointAccounts accounts,
      @Value("${ordersaga.admin.enabled}") boolean adminEnabled) {
    super(routing);
    this.participant = participant;
    this.accounts = accounts;
    this.adminEnabled = adminEnabled;
  }

  @Override
  public void configure() {
    participantDefaults();

    rest("/points")
        .get()
        .id("rest-point-list")
        .outType(PointBalance[].class)
        .bindingMode(RestBindingMode.json)
        .to("direct:point-list")
        .get("/{userId}")
        .id("rest-point-balance")
        .outType(PointBalance.class)
        .bindingMode(RestBindingMode.json)
        .to("direct:point-balance")
        .post("/{userId}/deductions")
        .id("rest-point-deduct")
        .type(DeductPointsRequest.class)
        .outType(PointBalance.class)
        .bindingMode(RestBindingMode.json)
        .to("direct:point-deduct");

    rest("/movements")
        .get()
        .id("rest-point-movements")
        .outType(PointMovement[].class)
        .bindingMode(RestBindingMode.json)
        .to("direct:point-movements");

    from("direct:point-balance")
        .routeId("point-balance")
        .setBody(exchange -> accounts.balance(headerOf(exchange, USER_ID)));

    from("direct:point-list").routeId("point-list").setBody(exchange -> accounts.balances());

    from("direct:point-movements")
        .routeId("point-movements")
        .setBody(exchange -> accounts.movements());

    joinSaga(PointParticipant.STEP, "direct:point-refund", null)
        .option(USER_ID, header(USER_ID))
        .setBody(this::deduct);

    from("direct:point-refund")
        .routeId("point-refund")
        .process(exchange -> participant.refund(lraId(exchange)));

    if (adminEnabled) {
      rest("/admin/points")
          .put("/{userId}")
          .id("rest-point-admin-set")
          .type(SetBalanceRequest.class)
          .outType(PointBalance.class)
          .bindingMode(RestBindingMode.json)
          .to("direct:point-admin-set");
      from("direct:point-admin-set")
          .routeId("point-admin-set")
          .process(this::validateBody)
          .setBody(this::setBalance);
    }
  }

  private PointBalance deduct(Exchange exchange) {
    return participant.deduct(
        lraId(exchange),
        headerOf(exchange, USER_ID),
        bodyOf(exchange, DeductPointsRequest.class),
        simulatedFailure(exchange));
  }

  private PointBalance setBalance(Exchange exchange) {
    return accounts.setBalance(
        headerOf(exchange, USER_ID), bodyOf(exchange, SetBalanceRequest.class).balance());
  }
}
