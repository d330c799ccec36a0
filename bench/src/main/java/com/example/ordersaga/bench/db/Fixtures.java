package com.example.ordersaga.bench.db;

import com.example.ordersaga.bench.load.OrderMix;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Creates the services' tables and the users and products an {@link OrderMix} orders from: rich
 * users who never run out of points, broke users (balance 0) for the rejections, and products that
 * never run out of stock — so the only rejections are the ones the mix asks for.
 */
public final class Fixtures {

  public static final long RICH_BALANCE = 1_000_000_000_000L;
  public static final long INITIAL_STOCK = 1_000_000_000L;

  private final int users;
  private final int products;

  public Fixtures(int users, int products) {
    this.users = users;
    this.products = products;
  }

  public static Fixtures of(OrderMix mix) {
    return new Fixtures(mix.users(), mix.products());
  }

  /** Creates every service's tables on its connection, then seeds; commits if not auto-commit. */
  public void create(Connections db) throws SQLException {
    for (ServiceDatabase database : ServiceDatabase.values()) {
      try (Statement statement = db.of(database).createStatement()) {
        for (String ddl : database.ddl()) {
          statement.execute(ddl);
        }
      }
    }
    removeServiceSeed(db.point(), db.product());
    seed(db.point(), db.product());
    for (ServiceDatabase database : ServiceDatabase.values()) {
      Connection connection = db.of(database);
      if (!connection.getAutoCommit()) {
        connection.commit();
      }
    }
  }

  /** Σ of all point balances before the run. */
  public long initialPoints() {
    return RICH_BALANCE * users;
  }

  /** Σ of all stock before the run. */
  public long initialStock() {
    return INITIAL_STOCK * products;
  }

  /** The migrations seed the demo's users and products; the bench orders from its own only. */
  private static void removeServiceSeed(Connection point, Connection product) throws SQLException {
    try (Statement accounts = point.createStatement();
        Statement products = product.createStatement()) {
      accounts.executeUpdate("DELETE FROM point_account");
      products.executeUpdate("DELETE FROM product");
    }
  }

  private void seed(Connection point, Connection product) throws SQLException {
    try (PreparedStatement account =
        point.prepareStatement(
            "INSERT INTO point_account (user_id, balance, updated_at)"
                + " VALUES (?, ?, CURRENT_TIMESTAMP)")) {
      for (int i = 1; i <= users; i++) {
        account.setString(1, OrderMix.USER_PREFIX + i);
        account.setLong(2, RICH_BALANCE);
        account.addBatch();
        account.setString(1, OrderMix.BROKE_USER_PREFIX + i);
        account.setLong(2, 0);
        account.addBatch();
      }
      account.executeBatch();
    }
    try (PreparedStatement item =
        product.prepareStatement(
            "INSERT INTO product (product_id, name, price, stock, updated_at)"
                + " VALUES (?, ?, ?, ?, CURRENT_TIMESTAMP)")) {
      for (int i = 1; i <= products; i++) {
        item.setString(1, OrderMix.PRODUCT_PREFIX + i);
        item.setString(2, "Bench product " + i);
        item.setLong(3, OrderMix.PRICE);
        item.setLong(4, INITIAL_STOCK);
        item.addBatch();
      }
      item.executeBatch();
    }
  }
}
