package com.example.ordersaga.bench.db;

import java.util.List;

/**
 * The four service databases of the saga. Their tables are the services' own, created by the
 * services' migrations ({@code service-stubs/<service>/src/main/resources/db/migration/<name>/});
 * the saga's own machinery (the participant ledger of {@code db/migration/common}) has no place in
 * a baseline. The local baseline puts all four in one database; 2PC keeps them apart, as the
 * services do.
 */
public enum ServiceDatabase {
  ORDER("order"),
  PAYMENT("payment"),
  POINT("point"),
  PRODUCT("product");

  private final String databaseName;

  ServiceDatabase(String databaseName) {
    this.databaseName = databaseName;
  }

  /** The database's name in 2PC mode (a directory for H2, {@code bench_<name>} on PostgreSQL). */
  public String databaseName() {
    return databaseName;
  }

  /** The service's migrations, statement by statement, in version order. */
  public List<String> ddl() {
    return MigrationScripts.statements("db/migration/" + databaseName);
  }
}
