package com.example.ordersaga.order;

import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;

/** A row of {@code order_outbox}, read straight from the database. */
record OutboxRow(
    long seq, String eventId, String orderId, String eventType, String payload, boolean sent) {

  static List<OutboxRow> ofOrder(JdbcTemplate jdbc, String orderId) {
    return jdbc.query(
        "SELECT seq, event_id, order_id, event_type, payload, sent_at FROM order_outbox"
            + " WHERE order_id = ? ORDER BY seq",
        (row, index) ->
            new OutboxRow(
                row.getLong("seq"),
                row.getString("event_id"),
                row.getString("order_id"),
                row.getString("event_type"),
                row.getString("payload"),
                row.getObject("sent_at") != null),
        orderId);
  }
}
