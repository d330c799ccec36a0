package com.example.ordersaga.bench.db;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.XADataSource;
import org.postgresql.xa.PGXADataSource;

/**
 * The local PostgreSQL (same variables as the services' {@code postgres} profile). Everything the
 * bench writes lives in a schema named {@code bench}: in database {@code postgres} for the local
 * baseline, in databases {@code bench_order}, {@code bench_payment}, … for 2PC (created if
 * missing). Each run drops and recreates its {@code bench} schemas, and touches nothing else.
 */
public final class PostgresBackend implements Backend {

  private static final String SCHEMA = "bench";
  private static final String ADMIN_DATABASE = "postgres";

  private final String baseUrl;
  private final String user;
  private final String password;

  public PostgresBackend(String baseUrl, String user, String password) {
    this.baseUrl = baseUrl;
    this.user = user;
    this.password = password;
  }

  public static PostgresBackend fromEnvironment() {
    return new PostgresBackend(
        System.getenv().getOrDefault("POSTGRES_URL", "jdbc:postgresql://127.0.0.1:5432"),
        System.getenv().getOrDefault("POSTGRES_USER", "postgres"),
        System.getenv().getOrDefault("POSTGRES_PASSWORD", ""));
  }

  @Override
  public String label() {
    return "postgres (" + baseUrl + ", schema " + SCHEMA + ")";
  }

  /** PREPARE TRANSACTION is refused while this is 0, so 2PC cannot run. */
  public int maxPreparedTransactions() throws SQLException {
    try (Connection admin = adminConnection();
        Statement statement = admin.createStatement();
        ResultSet row = statement.executeQuery("SHOW max_prepared_transactions")) {
      row.next();
      return Integer.parseInt(row.getString(1));
    }
  }

  @Override
  public void createEmpty(String database) throws SQLException {
    String name = physicalName(database);
    if (!name.equals(ADMIN_DATABASE)) {
      try (Connection admin = adminConnection();
          PreparedStatement exists =
              admin.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
        exists.setString(1, name);
        try (ResultSet row = exists.executeQuery()) {
          if (!row.next()) {
            try (Statement create = admin.createStatement()) {
              create.execute("CREATE DATABASE " + name);
            }
          }
        }
      }
    }
    try (Connection connection = DriverManager.getConnection(baseUrl + "/" + name, user, password);
        Statement statement = connection.createStatement()) {
      statement.execute("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE");
      statement.execute("CREATE SCHEMA " + SCHEMA);
    }
  }

  @Override
  public String jdbcUrl(String database) {
    return baseUrl + "/" + physicalName(database) + "?currentSchema=" + SCHEMA;
  }

  @Override
  public String user() {
    return user;
  }

  @Override
  public String password() {
    return password;
  }

  @Override
  public XADataSource xaDataSource(String database) {
    PGXADataSource source = new PGXADataSource();
    source.setUrl(jdbcUrl(database));
    source.setUser(user);
    source.setPassword(password);
    return source;
  }

  private Connection adminConnection() throws SQLException {
    return DriverManager.getConnection(baseUrl + "/" + ADMIN_DATABASE, user, password);
  }

  private static String physicalName(String database) {
    return database.equals(MONOLITH) ? ADMIN_DATABASE : "bench_" + database;
  }
}
