package com.example.ordersaga.bench.local;

import com.example.ordersaga.bench.db.Backend;
import com.example.ordersaga.bench.db.Connections;
import com.example.ordersaga.bench.db.OrderWrites;
import com.example.ordersaga.bench.db.Rejection;
import com.example.ordersaga.bench.load.OrderAction;
import com.example.ordersaga.bench.load.OrderSpec;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.SQLException;

/** The monolith: every order's writes in one transaction on one database, from a pool. */
public final class LocalTransactions implements AutoCloseable {

  private final HikariDataSource pool;
  private final OrderWrites writes = new OrderWrites();

  public LocalTransactions(Backend backend, String database, int poolSize) {
    HikariConfig config = new HikariConfig();
    config.setPoolName("bench-local");
    config.setJdbcUrl(backend.jdbcUrl(database));
    config.setUsername(backend.user());
    config.setPassword(backend.password());
    config.setMaximumPoolSize(poolSize);
    config.setMinimumIdle(poolSize);
    config.setAutoCommit(false);
    pool = new HikariDataSource(config);
  }

  /** Every client shares the pool: a connection per order, as a web app would. */
  public OrderAction client() {
    return this::place;
  }

  String place(OrderSpec order) throws SQLException {
    try (Connection connection = pool.getConnection()) {
      try {
        writes.place(Connections.single(connection), order);
        connection.commit();
        return OrderWrites.COMPLETED;
      } catch (Rejection rejection) {
        connection.rollback();
        return "409 " + rejection.reason();
      } catch (SQLException | RuntimeException e) {
        connection.rollback();
        throw e;
      }
    }
  }

  @Override
  public void close() {
    pool.close();
  }
}
