package com.example.ordersaga.point.persistence;

import com.example.ordersaga.common.participant.sql.SqlGateway;
import com.example.ordersaga.point.domain.PointBalance;
import com.example.ordersaga.point.domain.PointMovement;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Repository;

/** Point accounts and movements, through camel-sql (queries in resources/sql/point). */
@Repository
public class PointRepository {

  /** A deduction recorded for one saga. */
  public record Deduction(String userId, String orderId, long points) {}

  private final SqlGateway sql;

  public PointRepository(SqlGateway sql) {
    this.sql = sql;
  }

  public Optional<Long> balance(String userId) {
    return sql.queryOne("point/find-balance.sql", Map.of("userId", userId))
        .map(row -> ((Number) row.get("balance")).longValue());
  }

  /** Atomic and conditional: false when the balance is too low (or the user unknown). */
  public boolean deduct(String userId, long points) {
    return sql.update("point/deduct.sql", Map.of("userId", userId, "points", points)) == 1;
  }

  public void credit(String userId, long points) {
    sql.update("point/credit.sql", Map.of("userId", userId, "points", points));
  }

  public void recordMovement(String lraId, String kind, Deduction movement) {
    sql.update(
        "point/record-movement.sql",
        Map.of(
            "lraId", lraId,
            "kind", kind,
            "userId", movement.userId(),
            "orderId", movement.orderId(),
            "points", movement.points()));
  }

  public Optional<Deduction> deductionOf(String lraId) {
    return sql.queryOne("point/find-deduction.sql", Map.of("lraId", lraId))
        .map(
            row ->
                new Deduction(
                    (String) row.get("user_id"),
                    (String) row.get("order_id"),
                    ((Number) row.get("points")).longValue()));
  }

  /** Every account's balance, by user id. */
  public List<PointBalance> balances() {
    return sql.query("point/find-accounts.sql", Map.of()).stream()
        .map(
            row ->
                new PointBalance(
                    (String) row.get("user_id"), ((Number) row.get("balance")).longValue()))
        .toList();
  }

  /** Every ledger row, in the order they were written. */
  public List<PointMovement> movements() {
    return sql.query("point/find-movements.sql", Map.of()).stream()
        .map(
            row ->
                new PointMovement(
                    (String) row.get("order_id"),
                    (String) row.get("user_id"),
                    (String) row.get("kind"),
                    ((Number) row.get("points")).longValue(),
                    (String) row.get("lra_id"),
                    SqlGateway.instant(row.get("created_at"))))
        .toList();
  }

  public void setBalance(String userId, long balance) {
    sql.update("point/upsert-account.sql", Map.of("userId", userId, "balance", balance));
  }
}
