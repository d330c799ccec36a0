package com.example.ordersaga.order.persistence;

import com.example.ordersaga.common.events.OrderEvent;
import com.example.ordersaga.common.participant.sql.SqlGateway;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import org.springframework.stereotype.Repository;

/**
 * The transactional outbox (table {@code order_outbox}): an event appended here commits or rolls
 * back with the caller's local transaction, and OutboxRelayRoute publishes it after the commit. The
 * payload is the event as it goes on the wire, written by Spring's ObjectMapper (java.time as
 * ISO-8601).
 */
@Repository
public class OrderOutbox {

  private final SqlGateway sql;
  private final ObjectMapper json;

  public OrderOutbox(SqlGateway sql, ObjectMapper json) {
    this.sql = sql;
    this.json = json;
  }

  /** Fails (and so rolls the transaction back) on a second event for the same order. */
  public void append(OrderEvent event) {
    sql.update(
        "order/insert-outbox-event.sql",
        Map.of(
            "eventId", event.eventId(),
            "orderId", event.orderId(),
            "eventType", event.type().name(),
            "payload", toJson(event)));
  }

  /** Events appended and not yet relayed (acknowledged by Kafka). */
  public long pending() {
    return sql.queryOne("order/outbox-count-pending.sql", Map.of())
        .map(row -> ((Number) row.get("pending")).longValue())
        .orElse(0L);
  }

  private String toJson(OrderEvent event) {
    try {
      return json.writeValueAsString(event);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write event " + event.eventId(), e);
    }
  }
}
