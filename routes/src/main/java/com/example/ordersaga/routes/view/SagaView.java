package com.example.ordersaga.routes.view;

import com.example.ordersaga.common.participant.errors.NotFound;
import com.example.ordersaga.common.participant.sql.SqlGateway;
import com.example.ordersaga.routes.plan.OrderPlan;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Timestamp;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The orchestrator's record of each order saga (its own database): status, LRA, amounts, reason and
 * every step's outcome. Final states come from the saga's own end (the LRA's completion or
 * compensation callback, or the failure the route saw), whichever arrives first; both are
 * idempotent.
 */
public class SagaView {

  private static final Logger log = LoggerFactory.getLogger(SagaView.class);
  private final SqlGateway sql;
  private final ObjectMapper json;
  private final SagaMetrics metrics;

  public SagaView(SqlGateway sql, ObjectMapper json, SagaMetrics metrics) {
    this.sql = sql;
    this.json = json;
    this.metrics = metrics;
  }

  public void opened(OrderPlan plan) throws JsonProcessingException {
    Map<String, Object> row = new HashMap<>();
    row.put("orderId", plan.orderId());
    row.put("lraId", null);
    row.put("userId", plan.userId());
    row.put(
        "items",
        json.writeValueAsString(
            plan.lines().stream()
                .map(line -> Map.of("productId", line.productId(), "quantity", line.quantity()))
                .toList()));
    row.put("status", "PENDING");
    row.put("totalAmount", plan.totalAmount());
    row.put("pointsUsed", plan.pointsUsed());
    row.put("paidAmount", plan.paidAmount());
    sql.update("orchestrator/insert-order.sql", row);
  }

  public void joined(String orderId, String lraId) {
    sql.update("orchestrator/set-lra.sql", Map.of("orderId", orderId, "lraId", lraId));
  }

  public void stepDone(String orderId, String step, String outcome) {
    sql.update(
        "orchestrator/insert-step.sql",
        Map.of("orderId", orderId, "step", step, "outcome", outcome));
  }

  public void completed(String orderId) {
    if (sql.update("orchestrator/complete-order.sql", Map.of("orderId", orderId)) == 1) {
      metrics.ended("COMPLETED", SagaMetrics.NO_REASON, 1);
    }
  }

  /**
   * A step failed: its reason is recorded before the saga compensates, so the compensation callback
   * (which can arrive before the route answers) keeps it.
   */
  public void failing(String orderId, String reason, String failedStep) {
    Map<String, Object> row = new HashMap<>();
    row.put("orderId", orderId);
    row.put("reason", reason);
    row.put("failedStep", failedStep);
    sql.update("orchestrator/record-failure.sql", row);
  }

  /** Cancelled with the reason the route saw (the first reason recorded wins). */
  public void cancelled(String orderId, String reason, String failedStep) {
    Map<String, Object> row = new HashMap<>();
    row.put("orderId", orderId);
    row.put("reason", reason);
    row.put("failedStep", failedStep);
    // Counted where the order ends, once (on whichever replica): with the reason that was kept.
    if (sql.update("orchestrator/cancel-open-order.sql", row) == 1) {
      metrics.ended("CANCELLED", outcome(orderId).map(OrderOutcome::reason).orElse(reason), 1);
    } else {
      sql.update("orchestrator/cancel-order.sql", row);
    }
  }

  /**
   * The coordinator compensated the saga. If the route recorded no reason first, the saga did not
   * finish within its time limit (or the orchestrator stopped mid-saga): TIMEOUT.
   */
  public void compensated(String orderId) {
    log.info("order {} compensated", orderId);
    cancelled(orderId, "TIMEOUT", null);
  }

  /**
   * Orders recorded PENDING whose saga never began (no LRA), opened before {@code before}: the
   * orchestrator stopped between recording the order and starting its LRA, so nothing else happened
   * and nobody will call back. They end CANCELLED (TIMEOUT), as their client was told or would have
   * been. An order with an LRA ends through the coordinator's callbacks instead.
   */
  public int abandonOpenedBefore(java.time.Instant before) {
    int abandoned =
        sql.update(
            "orchestrator/abandon-orders.sql",
            Map.of("before", java.time.OffsetDateTime.ofInstant(before, java.time.ZoneOffset.UTC)));
    if (abandoned > 0) {
      log.warn("{} order(s) whose saga never started cancelled (TIMEOUT)", abandoned);
      metrics.ended("CANCELLED", "TIMEOUT", abandoned);
    }
    return abandoned;
  }

  /** The order's state for its answer, if the order was recorded. */
  public Optional<OrderOutcome> outcome(String orderId) {
    return sql.queryOne("orchestrator/find-order.sql", Map.of("orderId", orderId))
        .map(
            row ->
                new OrderOutcome(
                    orderId,
                    (String) row.get("status"),
                    (String) row.get("lra_id"),
                    ((Number) row.get("total_amount")).longValue(),
                    ((Number) row.get("points_used")).longValue(),
                    ((Number) row.get("paid_amount")).longValue(),
                    (String) row.get("reason"),
                    (String) row.get("failed_step")));
  }

  public OrderView find(String orderId) throws JsonProcessingException {
    Map<String, Object> row =
        sql.queryOne("orchestrator/find-order.sql", Map.of("orderId", orderId))
            .orElseThrow(() -> new NotFound("unknown order " + orderId));
    List<OrderView.Step> steps =
        sql.query("orchestrator/find-steps.sql", Map.of("orderId", orderId)).stream()
            .map(
                step ->
                    new OrderView.Step(
                        (String) step.get("step"),
                        (String) step.get("outcome"),
                        at(step.get("at"))))
            .toList();
    return new OrderView(
        orderId,
        (String) row.get("status"),
        (String) row.get("lra_id"),
        (String) row.get("user_id"),
        json.readTree((String) row.get("items")),
        ((Number) row.get("total_amount")).longValue(),
        ((Number) row.get("points_used")).longValue(),
        ((Number) row.get("paid_amount")).longValue(),
        (String) row.get("reason"),
        steps);
  }

  /** Every order saga, oldest first, without items and steps. */
  public List<OrderSummary> all() {
    return sql.query("orchestrator/find-orders.sql", Map.of()).stream()
        .map(
            row ->
                new OrderSummary(
                    (String) row.get("order_id"),
                    (String) row.get("status"),
                    (String) row.get("lra_id"),
                    (String) row.get("user_id"),
                    ((Number) row.get("total_amount")).longValue(),
                    ((Number) row.get("points_used")).longValue(),
                    ((Number) row.get("paid_amount")).longValue(),
                    (String) row.get("reason")))
        .toList();
  }

  private static OffsetDateTime at(Object value) {
    if (value instanceof OffsetDateTime time) {
      return time;
    }
    if (value instanceof Timestamp timestamp) {
      return timestamp.toInstant().atOffset(ZoneOffset.UTC);
    }
    return OffsetDateTime.parse(value.toString());
  }
}
