package com.example.ordersaga.order.events;

import com.example.ordersaga.common.logging.LogIds;
import com.example.ordersaga.common.tracing.ExchangeSpans;
import com.example.ordersaga.common.tracing.SagaBaggage;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.kafka.KafkaConstants;
import org.springframework.stereotype.Component;

/**
 * Relays the outbox to {@code order-events}: every poll claims the oldest pending rows, publishes
 * each (key = orderId, value = the event JSON, headers eventId and eventType) and marks it sent
 * only after Kafka acknowledged it, all in one local transaction. The claim ({@code FOR UPDATE SKIP
 * LOCKED}) holds the rows until that transaction ends, so the relays of several order-service
 * replicas share the pending rows and never publish one row at the same time; a relay that dies
 * mid-poll releases its rows with its connection. A failed send rolls the poll back: its rows are
 * published again by a later poll, with the same eventId, as after a crash between publishing and
 * marking (consumers dedupe by eventId: at-least-once). The saga never waits for this: a broker
 * that is down leaves the rows pending, and the polls retry, after a failure only every {@value
 * #POLLS_SKIPPED_AFTER_FAILURE}th.
 */
@Component
public class OutboxRelayRoute extends RouteBuilder {

  public static final String ROUTE_ID = "outbox-relay";
  public static final String EVENT_ID_HEADER = "eventId";
  public static final String EVENT_TYPE_HEADER = "eventType";

  private static final String SQL = "sql:classpath:sql/order/";

  /**
   * After a failed poll, skip this many polls (5 s with the default poll-delay) before the next.
   */
  static final int POLLS_SKIPPED_AFTER_FAILURE = 25;

  private final ObjectMapper json;
  private final PollBackoff backoff = new PollBackoff(POLLS_SKIPPED_AFTER_FAILURE);

  public OutboxRelayRoute(ObjectMapper json) {
    this.json = json;
  }

  @Override
  public void configure() {
    // One timer thread: a poll starts poll-delay after the previous one ended.
    from("timer:"
            + ROUTE_ID
            + "?delay={{ordersaga.outbox.poll-delay}}&period={{ordersaga.outbox.poll-delay}}")
        .routeId(ROUTE_ID)
        .autoStartup("{{ordersaga.outbox.relay-enabled}}")
        .onCompletion()
        .onFailureOnly()
        .process(exchange -> backoff.failed())
        .end()
        .process(exchange -> exchange.setRouteStop(!backoff.due()))
        .transacted()
        .to(SQL + "outbox-claim.sql?outputType=SelectList")
        .split(body())
        .stopOnException()
        // The event's order in the relay's log lines and its span (LogIds).
        .setProperty(LogIds.ORDER_ID, simple("${body[order_id]}"))
        .setProperty("seq", simple("${body[seq]}"))
        // These are the record's only headers.
        .setHeader(KafkaConstants.KEY, simple("${body[order_id]}"))
        .setHeader(EVENT_ID_HEADER, simple("${body[event_id]}"))
        .setHeader(EVENT_TYPE_HEADER, simple("${body[event_type]}"))
        .setBody(simple("${body[payload]}"))
        // The event's LRA too, and the notifier's span of this record names both (SagaBaggage).
        .process(this::nameTheLra)
        .to(orderEvents())
        .to(SQL + "outbox-mark-sent.sql")
        .end();
  }

  /**
   * Synchronous: the exchange ends when the broker acknowledged the record (acks=all, idempotent
   * producer) or the send failed, so no unacknowledged row is marked sent. Every wait of a send
   * (metadata, request, delivery) is bounded by the send timeout. Lazy: Camel starts the producers
   * of a route that does not start, and an idempotent producer connects at once (for its producer
   * id); this one connects with the first event. The reconnect back-off keeps a broker that is down
   * from being retried (and logged) every second.
   */
  private static String orderEvents() {
    return "kafka:{{ordersaga.events.topic}}"
        + "?lazyStartProducer=true"
        + "&synchronous=true"
        + "&enableIdempotence=true"
        + "&requestRequiredAcks=all"
        + "&maxBlockMs={{ordersaga.outbox.send-timeout}}"
        + "&requestTimeoutMs={{ordersaga.outbox.send-timeout}}"
        + "&deliveryTimeoutMs={{ordersaga.outbox.send-timeout}}"
        + "&reconnectBackoffMaxMs={{ordersaga.outbox.reconnect-backoff}}";
  }

  private void nameTheLra(Exchange exchange) {
    String lraId = null;
    try {
      lraId = json.readTree(exchange.getMessage().getBody(String.class)).path("lraId").asText(null);
    } catch (IOException unreadable) {
      // Relayed all the same: the event is what order-service wrote; only its log ids are fewer.
    }
    exchange.setProperty(LogIds.LRA_ID, lraId);
    ExchangeSpans.nameOrder(exchange, exchange.getProperty(LogIds.ORDER_ID, String.class), lraId);
    SagaBaggage.carry(
        exchange.getMessage(), exchange.getProperty(LogIds.ORDER_ID, String.class), lraId);
  }
}
