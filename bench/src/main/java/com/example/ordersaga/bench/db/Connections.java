package com.example.ordersaga.bench.db;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Where each service's writes go: four connections for 2PC, one connection four times for the local
 * transaction. The business writes are the same code either way.
 */
public record Connections(
    Connection order, Connection payment, Connection point, Connection product)
    implements AutoCloseable {

  public static Connections single(Connection connection) {
    return new Connections(connection, connection, connection, connection);
  }

  public Connection of(ServiceDatabase database) {
    return switch (database) {
      case ORDER -> order;
      case PAYMENT -> payment;
      case POINT -> point;
      case PRODUCT -> product;
    };
  }

  /** Closes each distinct connection once. */
  @Override
  public void close() throws SQLException {
    Set<Connection> distinct = new LinkedHashSet<>();
    for (ServiceDatabase database : ServiceDatabase.values()) {
      distinct.add(of(database));
    }
    for (Connection connection : distinct) {
      connection.close();
    }
  }
}
