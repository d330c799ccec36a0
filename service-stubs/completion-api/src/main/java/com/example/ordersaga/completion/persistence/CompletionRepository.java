package com.example.ordersaga.completion.persistence;

import com.example.ordersaga.common.participant.sql.SqlGateway;
import com.example.ordersaga.completion.domain.AcceptedCompletion;
import com.example.ordersaga.completion.domain.RecordedCall;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Repository;

/**
 * Calls, keys and accepted notifications, through camel-sql (queries in resources/sql/completion).
 */
@Repository
public class CompletionRepository {

  private final SqlGateway sql;

  public CompletionRepository(SqlGateway sql) {
    this.sql = sql;
  }

  /**
   * Counts one more call for this key and returns its number. The counter row stays locked until
   * the transaction ends, so concurrent calls with one key are numbered and decided one by one.
   */
  public int countCall(String idempotencyKey) {
    Map<String, Object> key = Map.of("idempotencyKey", idempotencyKey);
    sql.update("completion/claim-key.sql", key);
    sql.update("completion/count-call.sql", key);
    return sql.queryOne("completion/find-call-count.sql", key)
        .map(row -> ((Number) row.get("calls")).intValue())
        .orElseThrow();
  }

  public void recordCall(RecordedCall call) {
    sql.update(
        "completion/record-call.sql",
        Map.of(
            "idempotencyKey", call.idempotencyKey(),
            "orderId", call.orderId(),
            "attempt", call.attempt(),
            "receivedAt", OffsetDateTime.ofInstant(call.receivedAt(), ZoneOffset.UTC),
            "status", call.status()));
  }

  /** Stores the notification unless one exists for its key: true for the first one only. */
  public boolean accept(AcceptedCompletion completion) {
    return sql.update(
            "completion/accept.sql",
            Map.of(
                "idempotencyKey", completion.idempotencyKey(),
                "orderId", completion.orderId(),
                "receivedAt", OffsetDateTime.ofInstant(completion.receivedAt(), ZoneOffset.UTC),
                "attempt", completion.attempt()))
        == 1;
  }

  public Optional<AcceptedCompletion> acceptedCompletion(String idempotencyKey) {
    return sql.queryOne(
            "completion/find-notification.sql", Map.of("idempotencyKey", idempotencyKey))
        .map(CompletionRepository::acceptedCompletion);
  }

  /** In the order they were accepted; all of them when {@code orderId} is null or blank. */
  public List<AcceptedCompletion> acceptedCompletions(String orderId) {
    return sql.query("completion/find-notifications.sql", orderFilter(orderId)).stream()
        .map(CompletionRepository::acceptedCompletion)
        .toList();
  }

  /** In the order they were received; all of them when {@code orderId} is null or blank. */
  public List<RecordedCall> calls(String orderId) {
    return sql.query("completion/find-calls.sql", orderFilter(orderId)).stream()
        .map(
            row ->
                new RecordedCall(
                    (String) row.get("order_id"),
                    (String) row.get("idempotency_key"),
                    ((Number) row.get("attempt")).intValue(),
                    SqlGateway.instant(row.get("received_at")),
                    ((Number) row.get("answered_status")).intValue()))
        .toList();
  }

  private static AcceptedCompletion acceptedCompletion(Map<String, Object> row) {
    return new AcceptedCompletion(
        (String) row.get("order_id"),
        (String) row.get("idempotency_key"),
        ((Number) row.get("attempt")).intValue(),
        SqlGateway.instant(row.get("accepted_at")));
  }

  private static Map<String, Object> orderFilter(String orderId) {
    Map<String, Object> filter = new HashMap<>(); // Map.of refuses the null that means "all"
    filter.put("orderId", orderId == null || orderId.isBlank() ? null : orderId);
    return filter;
  }
}
