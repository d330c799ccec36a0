package com.example.ordersaga.routes.idempotency;

import com.example.ordersaga.common.participant.errors.ErrorBody.Violation;
import com.example.ordersaga.common.participant.errors.InvalidRequest;
import com.example.ordersaga.common.participant.sql.SqlGateway;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code Idempotency-Key}: the first request with a key claims it (a primary-key insert, so of two
 * concurrent requests exactly one runs); a replay waits for that request's answer and gets the same
 * status and body, without a second saga.
 */
public class IdempotencyKeys {

  public static final String HEADER = "Idempotency-Key";
  private static final int MAX_LENGTH = 100;
  private static final long POLL_MILLIS = 50;

  /** An answer given earlier for a key. */
  public record StoredAnswer(int status, String body) {}

  private final SqlGateway sql;
  private final Duration replayWait;

  public IdempotencyKeys(SqlGateway sql, Duration replayWait) {
    this.sql = sql;
    this.replayWait = replayWait;
  }

  /** Checks the key's shape; a bad key is invalid input (400), nothing is claimed. */
  public void validate(String key) {
    if (key != null && (key.isBlank() || key.length() > MAX_LENGTH)) {
      throw new InvalidRequest(
          "request is invalid",
          List.of(new Violation(HEADER, "must be 1.." + MAX_LENGTH + " characters")));
    }
  }

  /**
   * Claims the key for this request, or returns the answer its first request gave. Waits (bounded
   * by the saga time limit) while that first request is still running.
   */
  public Optional<StoredAnswer> claimOrReplay(String key) throws InterruptedException {
    if (sql.update("orchestrator/claim-key.sql", Map.of("key", key)) == 1) {
      return Optional.empty();
    }
    long deadline = System.nanoTime() + replayWait.toNanos();
    while (true) {
      Optional<Map<String, Object>> row =
          sql.queryOne("orchestrator/find-key.sql", Map.of("key", key));
      if (row.isEmpty()) {
        // The first request was invalid and released the key: this one runs instead.
        if (sql.update("orchestrator/claim-key.sql", Map.of("key", key)) == 1) {
          return Optional.empty();
        }
      } else if (row.get().get("status_code") != null) {
        return Optional.of(
            new StoredAnswer(
                ((Number) row.get().get("status_code")).intValue(),
                (String) row.get().get("body")));
      }
      if (System.nanoTime() - deadline > 0) {
        throw new KeyInUse(key);
      }
      Thread.sleep(POLL_MILLIS); // Another request holds the key; its answer is not stored yet.
    }
  }

  public void record(String key, int status, String body) {
    Map<String, Object> row = new HashMap<>();
    row.put("key", key);
    row.put("statusCode", status);
    row.put("body", body);
    sql.update("orchestrator/complete-key.sql", row);
  }

  /** Invalid input writes nothing: the key is free again. */
  public void release(String key) {
    sql.update("orchestrator/release-key.sql", Map.of("key", key));
  }

  /** The key's first request is still running after the wait. */
  public static class KeyInUse extends RuntimeException {
    public KeyInUse(String key) {
      super("a request with Idempotency-Key " + key + " is still in progress", null, false, false);
    }
  }
}
