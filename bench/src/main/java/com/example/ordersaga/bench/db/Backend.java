package com.example.ordersaga.bench.db;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import javax.sql.XADataSource;

/** Where the baselines' databases live: H2 files (default) or the local PostgreSQL. */
public interface Backend {

  /** The local baseline's single database, holding all four services' tables. */
  String MONOLITH = "monolith";

  String label();

  /** Creates the named database empty, replacing whatever an earlier run left there. */
  void createEmpty(String database) throws SQLException;

  String jdbcUrl(String database);

  String user();

  String password();

  XADataSource xaDataSource(String database);

  default Connection connect(String database) throws SQLException {
    return DriverManager.getConnection(jdbcUrl(database), user(), password());
  }

  /** Plain connections to the four service databases (for setup and checks, outside XA). */
  default Connections connectEach() throws SQLException {
    return new Connections(
        connect(ServiceDatabase.ORDER.databaseName()),
        connect(ServiceDatabase.PAYMENT.databaseName()),
        connect(ServiceDatabase.POINT.databaseName()),
        connect(ServiceDatabase.PRODUCT.databaseName()));
  }
}
