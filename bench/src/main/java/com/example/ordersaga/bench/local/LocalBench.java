package com.example.ordersaga.bench.local;

import com.example.ordersaga.bench.BenchOptions;
import com.example.ordersaga.bench.Measurement;
import com.example.ordersaga.bench.db.Backend;
import com.example.ordersaga.bench.db.Connections;
import com.example.ordersaga.bench.db.DataDir;
import com.example.ordersaga.bench.db.Fixtures;
import com.example.ordersaga.bench.db.H2Backend;
import com.example.ordersaga.bench.db.Invariants;
import com.example.ordersaga.bench.db.PostgresBackend;
import com.example.ordersaga.bench.load.OrderMix;
import com.example.ordersaga.bench.report.Report;
import com.example.ordersaga.bench.rss.RssSampler;
import java.sql.Connection;
import java.util.Map;

/** Mode {@code local}: the same business writes in one local transaction, one process. */
public final class LocalBench {

  private LocalBench() {}

  public static Report run(BenchOptions options) throws Exception {
    OrderMix mix = Measurement.mix(options);
    Fixtures fixtures = Fixtures.of(mix);
    try (DataDir dir = DataDir.of(options.dataDir())) {
      Backend backend =
          options.postgres() ? PostgresBackend.fromEnvironment() : new H2Backend(dir.path());
      backend.createEmpty(Backend.MONOLITH);
      try (Connection setup = backend.connect(Backend.MONOLITH)) {
        fixtures.create(Connections.single(setup));
      }
      Report report;
      try (LocalTransactions transactions =
          new LocalTransactions(backend, Backend.MONOLITH, options.clients())) {
        report =
            Measurement.run(
                options,
                mix,
                index -> transactions.client(),
                Map.of("bench", RssSampler.self()),
                Map.of("backend", backend.label(), "pool", Integer.toString(options.clients())));
      }
      try (Connection check = backend.connect(Backend.MONOLITH)) {
        return report.withCheck(Invariants.check(Connections.single(check), fixtures));
      }
    }
  }
}
