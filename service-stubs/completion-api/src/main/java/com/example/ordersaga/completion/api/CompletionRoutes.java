package com.example.ordersaga.completion.api;

import com.example.ordersaga.common.participant.ParticipantRouteBuilder;
import com.example.ordersaga.common.participant.ParticipantRouting;
import com.example.ordersaga.common.participant.errors.ErrorBody;
import com.example.ordersaga.common.participant.errors.ErrorBody.Violation;
import com.example.ordersaga.common.participant.errors.InvalidRequest;
import com.example.ordersaga.completion.domain.Acceptance;
import com.example.ordersaga.completion.domain.AcceptedCompletion;
import com.example.ordersaga.completion.domain.Behaviour;
import com.example.ordersaga.completion.domain.BehaviourSwitch;
import com.example.ordersaga.completion.domain.Completions;
import com.example.ordersaga.completion.domain.Notification;
import com.example.ordersaga.completion.domain.PartnerRefusal;
import com.example.ordersaga.completion.domain.RecordedCall;
import java.util.List;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.model.rest.RestBindingMode;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * REST API of the partner stand-in. It joins no saga: of the participant base it only uses the
 * contract's error mapping and the request validation.
 */
@Component
public class CompletionRoutes extends ParticipantRouteBuilder {

  public static final String IDEMPOTENCY_KEY = "Idempotency-Key";
  static final int IDEMPOTENCY_KEY_MAX_LENGTH = 100;
  private static final String ORDER_ID = "orderId";

  private final Completions completions;
  private final BehaviourSwitch behaviour;
  private final boolean adminEnabled;

  public CompletionRoutes(
      ParticipantRouting routing,
      Completions completions,
      BehaviourSwitch behaviour,
      @Value("${ordersaga.admin.enabled}") boolean adminEnabled) {
    super(routing);
    this.completions = completions;
    this.behaviour = behaviour;
    this.adminEnabled = adminEnabled;
  }

  @Override
  public void configure() {
    participantDefaults();
    onException(PartnerRefusal.class).handled(true).process(CompletionRoutes::answerRefusal);

    rest("/completions")
        .post()
        .id("rest-completion-receive")
        .type(CompletionRequest.class)
        .outType(AcceptedCompletion.class)
        .bindingMode(RestBindingMode.json)
        .to("direct:completion-receive");
    rest("/notifications")
        .get()
        .id("rest-completion-notifications")
        .outType(Notification[].class)
        .bindingMode(RestBindingMode.json)
        .to("direct:completion-notifications");
    rest("/calls")
        .get()
        .id("rest-completion-calls")
        .outType(RecordedCall[].class)
        .bindingMode(RestBindingMode.json)
        .to("direct:completion-calls");

    from("direct:completion-receive")
        .routeId("completion-receive")
        .process(CompletionRoutes::verifyRequest)
        .process(this::validateBody)
        .delay(method(behaviour, "delayMs"))
        .syncDelayed()
        .setBody(this::receive)
        .process(CompletionRoutes::answerAcceptance);

    from("direct:completion-notifications")
        .routeId("completion-notifications")
        .setBody(exchange -> completions.notifications(headerOf(exchange, ORDER_ID)));

    from("direct:completion-calls")
        .routeId("completion-calls")
        .setBody(exchange -> completions.calls(headerOf(exchange, ORDER_ID)));

    if (adminEnabled) {
      rest("/admin/behaviour")
          .get()
          .id("rest-completion-behaviour")
          .outType(Behaviour.class)
          .bindingMode(RestBindingMode.json)
          .to("direct:completion-behaviour")
          .put()
          .id("rest-completion-behaviour-set")
          .type(BehaviourRequest.class)
          .outType(Behaviour.class)
          .bindingMode(RestBindingMode.json)
          .to("direct:completion-behaviour-set");
      from("direct:completion-behaviour")
          .routeId("completion-behaviour")
          .setBody(exchange -> behaviour.current());
      from("direct:completion-behaviour-set")
          .routeId("completion-behaviour-set")
          .process(this::validateBody)
          .setBody(
              exchange -> behaviour.set(bodyOf(exchange, BehaviourRequest.class).toBehaviour()));
    }
  }

  private Acceptance receive(Exchange exchange) {
    return completions.receive(
        headerOf(exchange, IDEMPOTENCY_KEY), bodyOf(exchange, CompletionRequest.class).orderId());
  }

  /** The key header and a JSON body; the body's fields are then checked by Bean Validation. */
  private static void verifyRequest(Exchange exchange) {
    String key = exchange.getIn().getHeader(IDEMPOTENCY_KEY, String.class);
    if (key == null || key.isBlank() || key.length() > IDEMPOTENCY_KEY_MAX_LENGTH) {
      throw new InvalidRequest(
          "the " + IDEMPOTENCY_KEY + " header is required",
          List.of(
              new Violation(
                  IDEMPOTENCY_KEY,
                  "must be non-blank, at most " + IDEMPOTENCY_KEY_MAX_LENGTH + " characters")));
    }
    // The JSON binding leaves an empty body as it is, unbound.
    if (!(exchange.getIn().getBody() instanceof CompletionRequest)) {
      throw new InvalidRequest(
          "a JSON body with the orderId is required", List.of(new Violation("", "required")));
    }
  }

  private static void answerAcceptance(Exchange exchange) {
    Message message = exchange.getMessage();
    Acceptance acceptance = message.getBody(Acceptance.class);
    message.setHeader(Exchange.HTTP_RESPONSE_CODE, acceptance.status());
    message.setBody(acceptance.answer());
  }

  private static void answerRefusal(Exchange exchange) {
    PartnerRefusal refusal = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, PartnerRefusal.class);
    Message message = exchange.getMessage();
    message.setHeader(Exchange.HTTP_RESPONSE_CODE, refusal.status());
    message.setHeader(Exchange.CONTENT_TYPE, "application/json");
    message.setBody(ErrorBody.of(refusal.error(), refusal.getMessage()));
  }
}
