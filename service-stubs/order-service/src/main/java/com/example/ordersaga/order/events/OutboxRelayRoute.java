package com.example.ordersaga.order.events;

import com.example.ordersaga.common.logging.LogIds;
import com.example.ordersaga.common.tracing.ExchangeSpans;
import com.example.ordersaga.common.tracing.SagaBaggage;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.kafka.KafkaConstants;
import org.apache.camel.support.ResourceHelper;
import org.apache.camel.util.IOHelper;
import org.springframework.stereotype.Component;

/**
 * Relays the outbox to {@code order-events}: one consumer thread polls the pending rows in seq
 * order, publishes each (key = orderId, value = the event JSON, headers eventId and eventType) and
 * marks it sent only after Kafka acknowledged it. A crash between the two publishes the event again
 * on restart, with the same eventId: consumers dedupe by eventId (at-least-once). The saga never
 * waits for this: a broker that is down leaves the rows pending, and the next polls retry.
 */
@Component
public class OutboxRelayRoute extends RouteBuilder {

  public static final String ROUTE_ID = "outbox-relay";
  public static final String EVENT_ID_HEADER = "eventId";
  public static final String EVENT_TYPE_HEADER = "eventType";

  private static final String SQL = "classpath:sql/order/";
  private static final int ROWS_PER_POLL = 100;

  /**
   * After a failed poll, skip this many polls (5 s with the default poll-delay) before the next.
   */
  private static final int POLLS_SKIPPED_AFTER_FAILURE = 25;

  private final ObjectMapper json;

  public OutboxRelayRoute(ObjectMapper json) {
    this.json = json;
  }

  @Override
  public void configure() throws IOException {
    from(pendingRows())
        .routeId(ROUTE_ID)
        .autoStartup("{{ordersaga.outbox.relay-enabled}}")
        // The event's order in the relay's log lines and its span (LogIds).
        .setProperty(LogIds.ORDER_ID, simple("${body[order_id]}"))
        // The row is the body (camel-sql sets no headers): these are the record's only headers.
        .setHeader(KafkaConstants.KEY, simple("${body[order_id]}"))
        .setHeader(EVENT_ID_HEADER, simple("${body[event_id]}"))
        .setHeader(EVENT_TYPE_HEADER, simple("${body[event_type]}"))
        .setBody(simple("${body[payload]}"))
        // The event's LRA too, and the notifier's span of this record names both (SagaBaggage).
        .process(this::nameTheLra)
        .to(orderEvents());
  }

  /**
   * onConsume marks the row sent once its exchange succeeded (camel-sql binds {@code :#seq} from
   * the row). {@code transacted=true} involves no transaction: it makes camel-sql end the batch at
   * the first failed row and fail the poll, so a later row never overtakes a pending one, a broker
   * that is down costs one send timeout per attempt rather than one per row, and the failed polls
   * drive the back-off.
   */
  private String pendingRows() throws IOException {
    return "sql:"
        + SQL
        + "outbox-pending.sql"
        + "?maxMessagesPerPoll="
        + ROWS_PER_POLL
        + "&delay={{ordersaga.outbox.poll-delay}}"
        + "&initialDelay={{ordersaga.outbox.poll-delay}}"
        + "&transacted=true"
        + "&backoffErrorThreshold=1"
        + "&backoffMultiplier="
        + POLLS_SKIPPED_AFTER_FAILURE
        + "&onConsume=RAW("
        + sqlFile("outbox-mark-sent.sql")
        + ")";
  }

  /**
   * Synchronous: the exchange ends when the broker acknowledged the record (acks=all, idempotent
   * producer) or the send failed, so onConsume never marks an unacknowledged row. Every wait of a
   * send (metadata, request, delivery) is bounded by the send timeout. Lazy: Camel starts the
   * producers of a route that does not start, and an idempotent producer connects at once (for its
   * producer id); this one connects with the first event. The reconnect back-off keeps a broker
   * that is down from being retried (and logged) every second.
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

  /** camel-sql reads the polled query from a file, but takes onConsume only as text. */
  private String sqlFile(String name) throws IOException {
    try (InputStream sql =
        ResourceHelper.resolveMandatoryResourceAsInputStream(getContext(), SQL + name)) {
      return IOHelper.loadText(sql).strip();
    }
  }
}
