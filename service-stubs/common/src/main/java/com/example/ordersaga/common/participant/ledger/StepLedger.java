package com.example.ordersaga.common.participant.ledger;

import com.example.ordersaga.common.participant.sql.SqlGateway;
import java.util.HashMap;
import java.util.Map;

/** The participant ledger table, keyed by (LRA id, step). Callers hold a local transaction. */
public class StepLedger {

  private final SqlGateway sql;

  public StepLedger(SqlGateway sql) {
    this.sql = sql;
  }

  /**
   * Inserts the row in {@code state} unless one exists. Concurrent claims of one key serialise on
   * the primary key: exactly one caller gets {@code true}.
   */
  public boolean claim(String lraId, String step, LedgerState state, String reason) {
    Map<String, Object> row = key(lraId, step);
    row.put("state", state.name());
    row.put("response", null);
    row.put("reason", reason);
    return sql.update("ledger/claim.sql", row) == 1;
  }

  /** Reads the row and locks it until the transaction ends. */
  public LedgerEntry lock(String lraId, String step) {
    Map<String, Object> row =
        sql.queryOne("ledger/lock.sql", key(lraId, step))
            .orElseThrow(() -> new IllegalStateException("no ledger row " + lraId + " " + step));
    return new LedgerEntry(
        LedgerState.valueOf((String) row.get("state")),
        (String) row.get("response"),
        (String) row.get("reason"));
  }

  public void recordResponse(String lraId, String step, String response) {
    Map<String, Object> row = key(lraId, step);
    row.put("response", response);
    sql.update("ledger/record-response.sql", row);
  }

  public void transition(String lraId, String step, LedgerState from, LedgerState to) {
    Map<String, Object> row = key(lraId, step);
    row.put("expected", from.name());
    row.put("state", to.name());
    if (sql.update("ledger/transition.sql", row) != 1) {
      throw new IllegalStateException(lraId + " " + step + " is not " + from);
    }
  }

  private static Map<String, Object> key(String lraId, String step) {
    Map<String, Object> row = new HashMap<>();
    row.put("lraId", lraId);
    row.put("step", step);
    return row;
  }
}
