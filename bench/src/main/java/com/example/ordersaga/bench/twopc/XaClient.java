package com.example.ordersaga.bench.twopc;

import com.example.ordersaga.bench.db.Connections;
import com.example.ordersaga.bench.db.OrderWrites;
import com.example.ordersaga.bench.db.Rejection;
import com.example.ordersaga.bench.db.ServiceDatabase;
import com.example.ordersaga.bench.load.OrderAction;
import com.example.ordersaga.bench.load.OrderSpec;
import jakarta.transaction.Transaction;
import jakarta.transaction.TransactionManager;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import javax.sql.XAConnection;
import javax.sql.XADataSource;
import javax.transaction.xa.XAResource;

/**
 * One client of the 2PC baseline: an XA connection to each of the four service databases, and per
 * order one global transaction that enlists all four, runs the business writes and commits in two
 * phases (prepare all four, log the decision, commit all four).
 */
public final class XaClient implements OrderAction {

  private final TransactionManager transactions;
  private final List<XAConnection> xaConnections = new ArrayList<>();
  private final List<XAResource> resources = new ArrayList<>();
  private final Connections db;
  private final OrderWrites writes = new OrderWrites();

  /**
   * @param sources one XA data source per service database
   * @param lastResource wraps the last enlisted resource (product): the identity in a run, a
   *     failing resource in the test that proves a late failure rolls back all four
   */
  public XaClient(
      TransactionManager transactions,
      Map<ServiceDatabase, XADataSource> sources,
      UnaryOperator<XAResource> lastResource)
      throws SQLException {
    this.transactions = transactions;
    List<Connection> handles = new ArrayList<>();
    try {
      for (ServiceDatabase database : ServiceDatabase.values()) {
        XAConnection xa = sources.get(database).getXAConnection();
        xaConnections.add(xa);
        // Taken once, outside any transaction: the drivers switch auto-commit per XA branch.
        handles.add(xa.getConnection());
        XAResource resource = xa.getXAResource();
        resources.add(
            database == ServiceDatabase.PRODUCT ? lastResource.apply(resource) : resource);
      }
    } catch (SQLException | RuntimeException e) {
      close();
      throw e;
    }
    db = new Connections(handles.get(0), handles.get(1), handles.get(2), handles.get(3));
  }

  @Override
  public String place(OrderSpec order) throws Exception {
    transactions.begin();
    try {
      Transaction transaction = transactions.getTransaction();
      for (XAResource resource : resources) {
        if (!transaction.enlistResource(resource)) {
          throw new IllegalStateException("the transaction manager refused a resource");
        }
      }
      writes.place(db, order);
    } catch (Rejection rejection) {
      transactions.rollback();
      return "409 " + rejection.reason();
    } catch (Exception e) {
      rollbackAfter(e);
      throw e;
    }
    transactions.commit();
    return OrderWrites.COMPLETED;
  }

  @Override
  public void close() throws SQLException {
    SQLException first = null;
    for (XAConnection xa : xaConnections) {
      try {
        xa.close();
      } catch (SQLException e) {
        first = first == null ? e : first;
      }
    }
    if (first != null) {
      throw first;
    }
  }

  private void rollbackAfter(Exception cause) {
    try {
      if (transactions.getTransaction() != null) {
        transactions.rollback();
      }
    } catch (Exception e) {
      cause.addSuppressed(e);
    }
  }
}
