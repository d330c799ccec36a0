package com.example.ordersaga.bench.twopc;

import com.example.ordersaga.bench.BenchAbort;
import com.example.ordersaga.bench.BenchOptions;
import com.example.ordersaga.bench.Measurement;
import com.example.ordersaga.bench.db.Backend;
import com.example.ordersaga.bench.db.Connections;
import com.example.ordersaga.bench.db.DataDir;
import com.example.ordersaga.bench.db.Fixtures;
import com.example.ordersaga.bench.db.H2Backend;
import com.example.ordersaga.bench.db.Invariants;
import com.example.ordersaga.bench.db.PostgresBackend;
import com.example.ordersaga.bench.db.ServiceDatabase;
import com.example.ordersaga.bench.load.OrderMix;
import com.example.ordersaga.bench.report.Report;
import com.example.ordersaga.bench.rss.RssSampler;
import jakarta.transaction.TransactionManager;
import java.sql.SQLException;
import java.util.EnumMap;
import java.util.Map;
import java.util.function.UnaryOperator;
import javax.sql.XADataSource;

/** Mode {@code 2pc}: the same writes across the four service databases in one XA transaction. */
public final class TwoPcBench {

  private TwoPcBench() {}

  public static Report run(BenchOptions options) throws Exception {
    OrderMix mix = Measurement.mix(options);
    try (DataDir dir = DataDir.of(options.dataDir())) {
      Backend backend = options.postgres() ? postgresFor2pc(options) : new H2Backend(dir.path());
      Map<ServiceDatabase, XADataSource> sources = createDatabases(backend, Fixtures.of(mix));
      TransactionManager transactions =
          NarayanaJta.transactionManager(dir.path().resolve("narayana-store"));
      Report report =
          Measurement.run(
              options,
              mix,
              index -> new XaClient(transactions, sources, UnaryOperator.identity()),
              Map.of("bench", RssSampler.self()),
              Map.of(
                  "backend",
                  backend.label(),
                  "databases",
                  "4 (order, payment, point, product)",
                  "transactionManager",
                  "Narayana JTA, object store " + NarayanaJta.storeDir() + ", sync on"));
      try (Connections check = backend.connectEach()) {
        return report.withCheck(Invariants.check(check, Fixtures.of(mix)));
      }
    }
  }

  /** Creates the four databases empty, with their tables and seed rows; their XA sources. */
  public static Map<ServiceDatabase, XADataSource> createDatabases(
      Backend backend, Fixtures fixtures) throws SQLException {
    Map<ServiceDatabase, XADataSource> sources = new EnumMap<>(ServiceDatabase.class);
    for (ServiceDatabase database : ServiceDatabase.values()) {
      backend.createEmpty(database.databaseName());
      sources.put(database, backend.xaDataSource(database.databaseName()));
    }
    try (Connections setup = backend.connectEach()) {
      fixtures.create(setup);
    }
    return sources;
  }

  private static Backend postgresFor2pc(BenchOptions options) throws Exception {
    PostgresBackend postgres = PostgresBackend.fromEnvironment();
    int prepared = postgres.maxPreparedTransactions();
    if (prepared == 0) {
      throw new BenchAbort(
          2,
          """
          PostgreSQL has max_prepared_transactions = 0, so it refuses PREPARE TRANSACTION and \
          cannot take part in 2PC. The bench does not change server configuration; to allow it, \
          as a superuser run
            ALTER SYSTEM SET max_prepared_transactions = %d;
          (or set it in postgresql.conf), then restart PostgreSQL (the setting needs a restart), \
          e.g. pg_ctlcluster $(ls /etc/postgresql) main restart. Or run 2pc on H2 (no --postgres)."""
              .formatted(Math.max(100, options.clients() * 2)));
    }
    if (prepared < options.clients()) {
      System.err.printf(
          "warning: max_prepared_transactions = %d < %d clients: some prepares will fail%n",
          prepared, options.clients());
    }
    return postgres;
  }
}
