package com.example.ordersaga.bench.twopc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.example.ordersaga.bench.db.Backend;
import com.example.ordersaga.bench.db.BaselineFixture;
import com.example.ordersaga.bench.db.Connections;
import com.example.ordersaga.bench.db.Fixtures;
import com.example.ordersaga.bench.db.H2Backend;
import com.example.ordersaga.bench.db.Invariants;
import com.example.ordersaga.bench.db.Invariants.Totals;
import com.example.ordersaga.bench.db.OrderWrites;
import com.example.ordersaga.bench.db.ServiceDatabase;
import com.example.ordersaga.bench.load.OrderMix;
import jakarta.transaction.RollbackException;
import jakarta.transaction.TransactionManager;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.XADataSource;
import javax.transaction.xa.XAResource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class XaClientTest {

  @TempDir static Path store;
  @TempDir Path dir;

  private static TransactionManager transactions;

  private final OrderMix mix = new OrderMix(0.1, 10, 5);
  private final Fixtures fixtures = Fixtures.of(mix);
  private Backend backend;
  private Map<ServiceDatabase, XADataSource> sources;

  @BeforeAll
  static void startTransactionManager() {
    transactions = NarayanaJta.transactionManager(store);
  }

  @BeforeEach
  void createTheFourDatabases() throws Exception {
    backend = new H2Backend(dir);
    sources = TwoPcBench.createDatabases(backend, fixtures);
  }

  @Test
  void ordersAcrossFourDatabasesConservePointsAndStockWithOneOutboxRowEach() throws Exception {
    Map<String, Long> outcomes =
        BaselineFixture.place(mix, 100, 4, () -> client(UnaryOperator.identity()));

    assertThat(outcomes)
        .isEqualTo(Map.of(OrderWrites.COMPLETED, 90L, "409 INSUFFICIENT_POINTS", 10L));
    try (Connections each = backend.connectEach()) {
      Totals totals = Invariants.totals(each);
      assertThat(Invariants.violations(totals, fixtures)).isEmpty();
      assertThat(totals.orders()).isEqualTo(90);
      assertThat(totals.payments()).isEqualTo(90);
      assertThat(totals.outboxRows()).isEqualTo(90);
      assertThat(totals.pointsBalance())
          .isEqualTo(fixtures.initialPoints() - 90 * OrderMix.POINTS_PER_ORDER);
      assertThat(totals.stock()).isEqualTo(fixtures.initialStock() - totals.quantityOrdered());
    }
    assertThat(inDoubt()).isZero();
    // Each decision was logged in Narayana's store (two-phase, not one-phase) and removed once
    // all four had committed.
    assertThat(decisionLog()).isDirectory().isEmptyDirectory();
  }

  @Test
  void aFailedPrepareOfTheLastResourceRollsBackAllFour() throws Exception {
    FailingPrepare last = new FailingPrepare();
    Logger narayana = Logger.getLogger("com.arjuna");
    Level level = narayana.getLevel();
    narayana.setLevel(Level.OFF); // its warnings about this very failure, with stack traces
    try (XaClient client = client(resource -> last.around(resource))) {
      assertThatThrownBy(() -> client.place(mix.order(0))).isInstanceOf(RollbackException.class);
    } finally {
      narayana.setLevel(level);
    }

    // The others had their writes in flight (order, points, payment) and were rolled back.
    assertThat(last.prepared()).isTrue();
    try (Connections each = backend.connectEach()) {
      Totals totals = Invariants.totals(each);
      assertThat(totals.orders()).isZero();
      assertThat(totals.payments()).isZero();
      assertThat(totals.pointMovements()).isZero();
      assertThat(totals.stockMovements()).isZero();
      assertThat(totals.outboxRows()).isZero();
      assertThat(totals.pointsBalance()).isEqualTo(fixtures.initialPoints());
      assertThat(totals.stock()).isEqualTo(fixtures.initialStock());
    }
    assertThat(inDoubt()).isZero();
    assertThat(transactions.getTransaction()).isNull();
  }

  @Test
  void aRejectionRollsBackWhatTheEarlierDatabasesWrote() throws Exception {
    try (XaClient client = client(UnaryOperator.identity())) {
      // Order 9 is the mix's first rejection: the order row is written before points fail.
      assertThat(mix.order(9).meantToBeRejected()).isTrue();
      assertThat(client.place(mix.order(9))).isEqualTo("409 INSUFFICIENT_POINTS");
    }

    try (Connections each = backend.connectEach()) {
      assertThat(Invariants.totals(each).orders()).isZero();
    }
  }

  private XaClient client(UnaryOperator<XAResource> lastResource) {
    try {
      return new XaClient(transactions, sources, lastResource);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Path decisionLog() {
    return NarayanaJta.storeDir()
        .resolve(
            "ShadowNoFileLockStore/defaultStore/StateManager/BasicAction/TwoPhaseCoordinator/"
                + "AtomicAction");
  }

  /** Prepared-but-undecided branches left in any of the four H2 databases. */
  private long inDoubt() throws SQLException {
    long total = 0;
    for (ServiceDatabase database : ServiceDatabase.values()) {
      try (Connection connection = backend.connect(database.databaseName());
          Statement statement = connection.createStatement();
          ResultSet row =
              statement.executeQuery("SELECT COUNT(*) FROM INFORMATION_SCHEMA.IN_DOUBT")) {
        row.next();
        total += row.getLong(1);
      }
    }
    return total;
  }
}
