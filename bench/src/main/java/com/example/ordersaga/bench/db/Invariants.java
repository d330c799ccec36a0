package com.example.ordersaga.bench.db;

import com.example.ordersaga.bench.report.Check;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * After a baseline run, the rules the saga's auditor checks, on the baseline's own databases: no
 * points or stock created or lost (what is gone went into completed orders), every order completed
 * (rejections rolled back whole), and exactly one payment and one outbox event per order.
 */
public final class Invariants {

  /** What the databases hold after a run. */
  public record Totals(
      long orders,
      long completedOrders,
      long pointsBalance,
      long pointsUsed,
      long pointMovements,
      long stock,
      long quantityOrdered,
      long stockMovements,
      long payments,
      long outboxRows,
      long outboxOrders) {}

  private Invariants() {}

  public static Totals totals(Connections db) throws SQLException {
    return new Totals(
        count(db.order(), "SELECT COUNT(*) FROM orders"),
        count(db.order(), "SELECT COUNT(*) FROM orders WHERE status = 'COMPLETED'"),
        count(db.point(), "SELECT COALESCE(SUM(balance), 0) FROM point_account"),
        count(
            db.order(),
            "SELECT COALESCE(SUM(points_used), 0) FROM orders WHERE status = 'COMPLETED'"),
        count(db.point(), "SELECT COUNT(*) FROM point_movement"),
        count(db.product(), "SELECT COALESCE(SUM(stock), 0) FROM product"),
        count(
            db.order(),
            "SELECT COALESCE(SUM(i.quantity), 0) FROM order_item i"
                + " JOIN orders o ON o.order_id = i.order_id WHERE o.status = 'COMPLETED'"),
        count(db.product(), "SELECT COUNT(*) FROM stock_movement"),
        count(db.payment(), "SELECT COUNT(*) FROM payment"),
        count(db.order(), "SELECT COUNT(*) FROM order_outbox"),
        count(db.order(), "SELECT COUNT(DISTINCT order_id) FROM order_outbox"));
  }

  /** The broken rules, none when the run left the databases consistent. */
  public static List<String> violations(Totals t, Fixtures fixtures) {
    List<String> broken = new ArrayList<>();
    rule(
        broken,
        t.pointsBalance() + t.pointsUsed() == fixtures.initialPoints(),
        "points: balances " + t.pointsBalance() + " + used " + t.pointsUsed() + " != initial");
    rule(
        broken,
        t.stock() + t.quantityOrdered() == fixtures.initialStock(),
        "stock: " + t.stock() + " + ordered " + t.quantityOrdered() + " != initial");
    rule(
        broken,
        t.orders() == t.completedOrders(),
        (t.orders() - t.completedOrders()) + " orders not COMPLETED");
    rule(
        broken,
        t.outboxRows() == t.completedOrders() && t.outboxOrders() == t.completedOrders(),
        "outbox: " + t.outboxRows() + " rows for " + t.completedOrders() + " orders");
    rule(broken, t.payments() == t.completedOrders(), "payments: " + t.payments());
    rule(broken, t.pointMovements() == t.completedOrders(), "point ledger: " + t.pointMovements());
    rule(broken, t.stockMovements() == t.completedOrders(), "stock ledger: " + t.stockMovements());
    return broken;
  }

  /** The check, as the report shows it. */
  public static Check check(Connections db, Fixtures fixtures) throws SQLException {
    Totals totals = totals(db);
    List<String> broken = violations(totals, fixtures);
    return broken.isEmpty()
        ? Check.passed(
            "invariants OK: "
                + totals.completedOrders()
                + " orders (warm-up included), points and stock conserved, one payment and one"
                + " outbox event per order")
        : Check.failed("INVARIANTS VIOLATED: " + String.join("; ", broken));
  }

  private static void rule(List<String> broken, boolean holds, String message) {
    if (!holds) {
      broken.add(message);
    }
  }

  private static long count(Connection connection, String sql) throws SQLException {
    try (Statement statement = connection.createStatement();
        ResultSet row = statement.executeQuery(sql)) {
      row.next();
      return row.getLong(1);
    }
  }
}
