package com.example.ordersaga.bench.db;

import com.example.ordersaga.bench.load.OrderSpec;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.UUID;

/**
 * The saga's business writes (design.md §1) as plain JDBC inside the caller's transaction, in the
 * saga's order: price quote, create order, (validate payment: no state), deduct points + ledger
 * row, save payment, deduct stock + ledger row, complete order, outbox event. Deductions are
 * conditional UPDATEs, so nothing goes negative under any concurrency. The local and 2PC baselines
 * both run exactly this; only the transaction around it differs.
 */
public final class OrderWrites {

  public static final String COMPLETED = "201 COMPLETED";
  private static final String METHOD = "CARD";
  private static final String TRANSACTION_ID_PREFIX = "baseline:";

  private static final String PRICE = "SELECT price FROM product WHERE product_id = ?";
  private static final String INSERT_ORDER =
      "INSERT INTO orders (order_id, lra_id, user_id, payment_method, total_amount, points_used,"
          + " paid_amount, status, created_at, updated_at)"
          + " VALUES (?, ?, ?, ?, ?, ?, ?, 'PENDING', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)";
  private static final String INSERT_ITEM =
      "INSERT INTO order_item (order_id, line_no, product_id, quantity, unit_price)"
          + " VALUES (?, 1, ?, ?, ?)";
  private static final String DEDUCT_POINTS =
      "UPDATE point_account SET balance = balance - ?, updated_at = CURRENT_TIMESTAMP"
          + " WHERE user_id = ? AND balance >= ?";
  private static final String ACCOUNT_EXISTS = "SELECT 1 FROM point_account WHERE user_id = ?";
  private static final String POINT_MOVEMENT =
      "INSERT INTO point_movement (lra_id, kind, user_id, order_id, points, created_at)"
          + " VALUES (?, 'DEDUCT', ?, ?, ?, CURRENT_TIMESTAMP)";
  private static final String INSERT_PAYMENT =
      "INSERT INTO payment (payment_id, lra_id, order_id, user_id, method, amount, status,"
          + " created_at, updated_at)"
          + " VALUES (?, ?, ?, ?, ?, ?, 'CONFIRMED', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)";
  private static final String DEDUCT_STOCK =
      "UPDATE product SET stock = stock - ?, updated_at = CURRENT_TIMESTAMP"
          + " WHERE product_id = ? AND stock >= ?";
  private static final String STOCK_MOVEMENT =
      "INSERT INTO stock_movement (lra_id, kind, product_id, order_id, quantity, created_at)"
          + " VALUES (?, 'DEDUCT', ?, ?, ?, CURRENT_TIMESTAMP)";
  private static final String COMPLETE_ORDER =
      "UPDATE orders SET status = 'COMPLETED', updated_at = CURRENT_TIMESTAMP"
          + " WHERE order_id = ? AND status = 'PENDING'";
  private static final String INSERT_OUTBOX =
      "INSERT INTO order_outbox (event_id, order_id, event_type, payload, created_at)"
          + " VALUES (?, ?, 'ORDER_COMPLETED', ?, CURRENT_TIMESTAMP)";

  /**
   * Places the order; the caller commits. Throws {@link Rejection} when a business rule refuses it
   * (the caller rolls back).
   *
   * @return the new order's id
   */
  public String place(Connections db, OrderSpec spec) throws SQLException, Rejection {
    String orderId = UUID.randomUUID().toString();
    // The services' rows carry the saga's LRA id; a baseline's transaction stands in for it.
    String transactionId = TRANSACTION_ID_PREFIX + orderId;
    long price = price(db.product(), spec.productId());
    long total = price * spec.quantity();
    long points = spec.pointsToUse();
    long paid = total - points;

    update(
        db.order(),
        INSERT_ORDER,
        orderId,
        transactionId,
        spec.userId(),
        METHOD,
        total,
        points,
        paid);
    update(db.order(), INSERT_ITEM, orderId, spec.productId(), spec.quantity(), price);
    if (update(db.point(), DEDUCT_POINTS, points, spec.userId(), points) == 0) {
      throw new Rejection(
          exists(db.point(), ACCOUNT_EXISTS, spec.userId())
              ? "INSUFFICIENT_POINTS"
              : "UNKNOWN_USER");
    }
    update(db.point(), POINT_MOVEMENT, transactionId, spec.userId(), orderId, points);
    update(
        db.payment(),
        INSERT_PAYMENT,
        UUID.randomUUID().toString(),
        transactionId,
        orderId,
        spec.userId(),
        METHOD,
        paid);
    if (update(db.product(), DEDUCT_STOCK, spec.quantity(), spec.productId(), spec.quantity())
        == 0) {
      throw new Rejection("OUT_OF_STOCK");
    }
    update(db.product(), STOCK_MOVEMENT, transactionId, spec.productId(), orderId, spec.quantity());
    update(db.order(), COMPLETE_ORDER, orderId);
    String eventId = UUID.randomUUID().toString();
    update(
        db.order(),
        INSERT_OUTBOX,
        eventId,
        orderId,
        String.format(
            "{\"eventId\":\"%s\",\"type\":\"ORDER_COMPLETED\",\"orderId\":\"%s\",\"userId\":\"%s\","
                + "\"totalAmount\":%d,\"pointsUsed\":%d,\"paidAmount\":%d}",
            eventId, orderId, spec.userId(), total, points, paid));
    return orderId;
  }

  private static long price(Connection product, String productId) throws SQLException, Rejection {
    try (PreparedStatement statement = product.prepareStatement(PRICE)) {
      statement.setString(1, productId);
      try (ResultSet row = statement.executeQuery()) {
        if (!row.next()) {
          throw new Rejection("UNKNOWN_PRODUCT");
        }
        return row.getLong(1);
      }
    }
  }

  private static boolean exists(Connection connection, String sql, Object key) throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      statement.setObject(1, key);
      try (ResultSet row = statement.executeQuery()) {
        return row.next();
      }
    }
  }

  private static int update(Connection connection, String sql, Object... parameters)
      throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      for (int i = 0; i < parameters.length; i++) {
        statement.setObject(i + 1, parameters[i]);
      }
      return statement.executeUpdate();
    }
  }
}
