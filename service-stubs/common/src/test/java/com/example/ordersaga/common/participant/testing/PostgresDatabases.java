package com.example.ordersaga.common.participant.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import org.junit.jupiter.api.Assumptions;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * Fresh PostgreSQL databases on the machine's server (127.0.0.1:5432, user postgres, or
 * POSTGRES_URL / POSTGRES_USER / POSTGRES_PASSWORD). When the server is unreachable a test is
 * skipped, unless SAGA_REQUIRE_POSTGRES=true (CI): then it fails.
 */
public final class PostgresDatabases {

  private static final String SERVER = env("POSTGRES_URL", "jdbc:postgresql://127.0.0.1:5432");
  private static final String USER = env("POSTGRES_USER", "postgres");
  private static final String PASSWORD = env("POSTGRES_PASSWORD", "");

  private PostgresDatabases() {}

  /** Creates an empty database and returns its JDBC URL. */
  public static String create(String prefix) {
    String name = prefix + "_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    try (Connection admin = DriverManager.getConnection(SERVER + "/postgres", USER, PASSWORD);
        Statement statement = admin.createStatement()) {
      statement.execute("CREATE DATABASE " + name);
    } catch (SQLException unreachable) {
      if (Boolean.parseBoolean(System.getenv("SAGA_REQUIRE_POSTGRES"))) {
        throw new IllegalStateException(
            "PostgreSQL required (SAGA_REQUIRE_POSTGRES=true) but unreachable at " + SERVER,
            unreachable);
      }
      Assumptions.abort("PostgreSQL unreachable at " + SERVER + ": " + unreachable.getMessage());
    }
    return SERVER + "/" + name;
  }

  /**
   * Creates a fresh database and points the Spring context under test at it; returns its URL for
   * {@link #drop} after the class.
   */
  public static String useFreshDatabase(DynamicPropertyRegistry registry, String prefix) {
    String url = create(prefix);
    registry.add("spring.datasource.url", () -> url);
    registry.add("spring.datasource.username", PostgresDatabases::user);
    registry.add("spring.datasource.password", PostgresDatabases::password);
    registry.add("spring.datasource.hikari.maximum-pool-size", () -> "20");
    return url;
  }

  /** Drops a database made by {@link #create}. */
  public static void drop(String url) {
    String name = url.substring(url.lastIndexOf('/') + 1);
    try (Connection admin = DriverManager.getConnection(SERVER + "/postgres", USER, PASSWORD);
        Statement statement = admin.createStatement()) {
      statement.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  public static String user() {
    return USER;
  }

  public static String password() {
    return PASSWORD;
  }

  private static String env(String name, String defaultValue) {
    String value = System.getenv(name);
    return value == null || value.isBlank() ? defaultValue : value;
  }
}
