package com.example.ordersaga.bench.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.ordersaga.bench.db.Backend;
import com.example.ordersaga.bench.db.BaselineFixture;
import com.example.ordersaga.bench.db.Connections;
import com.example.ordersaga.bench.db.Fixtures;
import com.example.ordersaga.bench.db.H2Backend;
import com.example.ordersaga.bench.db.Invariants;
import com.example.ordersaga.bench.db.Invariants.Totals;
import com.example.ordersaga.bench.db.OrderWrites;
import com.example.ordersaga.bench.load.OrderMix;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalTransactionsTest {

  @TempDir Path dir;

  @Test
  void ordersFromConcurrentClientsConservePointsAndStockWithOneOutboxRowEach() throws Exception {
    OrderMix mix = new OrderMix(0.1, 10, 5);
    Fixtures fixtures = Fixtures.of(mix);
    Backend backend = new H2Backend(dir);
    try (Connection setup = backend.connect(Backend.MONOLITH)) {
      fixtures.create(Connections.single(setup));
    }

    Map<String, Long> outcomes;
    try (LocalTransactions transactions = new LocalTransactions(backend, Backend.MONOLITH, 4)) {
      outcomes = BaselineFixture.place(mix, 200, 4, transactions::client);
    }

    assertThat(outcomes)
        .isEqualTo(Map.of(OrderWrites.COMPLETED, 180L, "409 INSUFFICIENT_POINTS", 20L));
    try (Connection check = backend.connect(Backend.MONOLITH)) {
      Totals totals = Invariants.totals(Connections.single(check));
      assertThat(Invariants.violations(totals, fixtures)).isEmpty();
      // The rejected orders left nothing behind: their order row was rolled back with the rest.
      assertThat(totals.orders()).isEqualTo(180);
      assertThat(totals.outboxRows()).isEqualTo(180);
      assertThat(totals.outboxOrders()).isEqualTo(180);
      assertThat(totals.pointsUsed()).isEqualTo(180 * OrderMix.POINTS_PER_ORDER);
      assertThat(totals.pointsBalance())
          .isEqualTo(fixtures.initialPoints() - 180 * OrderMix.POINTS_PER_ORDER);
      assertThat(totals.stock()).isEqualTo(fixtures.initialStock() - totals.quantityOrdered());
      assertThat(Invariants.check(Connections.single(check), fixtures).passed()).isTrue();
    }
  }
}
