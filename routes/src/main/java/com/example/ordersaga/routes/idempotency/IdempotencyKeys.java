package com.example.ordersaga.routes.idempotency;

import com.example.ordersaga.common.participant.errors.ErrorBody;
import com.example.ordersaga.common.participant.errors.ErrorBody.Violation;
import com.example.ordersaga.common.participant.errors.InvalidRequest;
import com.example.ordersaga.common.participant.sql.SqlGateway;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code Idempotency-Key} (after draft-ietf-httpapi-idempotency-key-header): the first request with
 * a key claims it (a primary-key insert, so of two concurrent requests on any orchestrators exactly
 * one runs) together with its request's fingerprint; a replay of the same request waits for that
 * request's answer and gets the same status and body, without a second saga; the key with another
 * request is refused.
 *
 * <p>The request that claimed a key may die with its orchestrator. Its key is linked to the order
 * it placed before that order's saga starts, so a replay answers the order's final outcome once the
 * order has one; a key that died before placing any order is freed once no live request can still
 * hold it.
 */
public class IdempotencyKeys {

  public static final String HEADER = "Idempotency-Key";
  private static final int MAX_LENGTH = 100;
  private static final long POLL_MILLIS = 50;
  private static final Logger log = LoggerFactory.getLogger(IdempotencyKeys.class);

  /** An answer given for a key. */
  public record StoredAnswer(int status, String body) {}

  /** The final answer of an order, once it has one: how a replay learns a dead request's end. */
  @FunctionalInterface
  public interface OrderOutcomes {
    Optional<StoredAnswer> finalAnswer(String orderId) throws Exception;
  }

  private final SqlGateway sql;
  private final Duration replayWait;
  private final Duration orphanedAfter;
  private final Duration retention;

  /**
   * @param replayWait how long a replay waits for the first request's answer
   * @param orphanedAfter a claim older than this with no order is held by no live request (longer
   *     than any request takes to place its order)
   * @param retention how long a key is kept
   */
  public IdempotencyKeys(
      SqlGateway sql, Duration replayWait, Duration orphanedAfter, Duration retention) {
    this.sql = sql;
    this.replayWait = replayWait;
    this.orphanedAfter = orphanedAfter;
    this.retention = retention;
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
   * Claims the key for the request with {@code fingerprint}, or returns the answer its first
   * request gave (or, if that request died, its order's final outcome). Waits (bounded by the saga
   * time limit) while that first request is still running.
   *
   * @throws KeyMismatch the key was first used with another request
   * @throws KeyInUse the first request is still running after the wait
   */
  public Optional<StoredAnswer> claimOrReplay(
      String key, String fingerprint, OrderOutcomes outcomes) throws Exception {
    if (claim(key, fingerprint)) {
      return Optional.empty();
    }
    long deadline = System.nanoTime() + replayWait.toNanos();
    while (true) {
      Optional<Map<String, Object>> found = sql.queryOne("orchestrator/find-key.sql", key(key));
      if (found.isEmpty()) {
        // The first request was invalid, or died before placing an order: this one runs instead.
        if (claim(key, fingerprint)) {
          return Optional.empty();
        }
        continue;
      }
      Map<String, Object> row = found.get();
      String claimedFor = (String) row.get("fingerprint");
      if (claimedFor != null && !claimedFor.equals(fingerprint)) {
        throw new KeyMismatch(key);
      }
      if (row.get("status_code") != null) {
        return Optional.of(
            new StoredAnswer(
                ((Number) row.get("status_code")).intValue(), (String) row.get("body")));
      }
      String orderId = (String) row.get("order_id");
      if (orderId != null) {
        // Its order ended (the first request answers the same at any moment, or died).
        Optional<StoredAnswer> ended = outcomes.finalAnswer(orderId);
        if (ended.isPresent()) {
          record(key, ended.get().status(), ended.get().body());
          return ended;
        }
      } else if (freeIfOrphaned(key, SqlGateway.instant(row.get("created_at")))) {
        continue;
      }
      if (System.nanoTime() - deadline > 0) {
        throw new KeyInUse(key);
      }
      Thread.sleep(POLL_MILLIS); // Another request holds the key; its answer is not stored yet.
    }
  }

  /** The order placed for the key: recorded before that order's saga starts. */
  public void link(String key, String orderId) {
    sql.update("orchestrator/link-key.sql", Map.of("key", key, "orderId", orderId));
  }

  /** The key's answer; the first one recorded stays. */
  public void record(String key, int status, String body) {
    Map<String, Object> row = new HashMap<>();
    row.put("key", key);
    row.put("statusCode", status);
    row.put("body", body);
    sql.update("orchestrator/complete-key.sql", row);
  }

  /** Invalid input writes nothing: the key is free again. */
  public void release(String key) {
    sql.update("orchestrator/release-key.sql", key(key));
  }

  /**
   * Deletes the keys older than their retention. Run by every orchestrator: one delete by a
   * condition, so two replicas running it at once delete each key once.
   */
  public int purgeExpired() {
    int purged =
        sql.update(
            "orchestrator/purge-keys.sql", Map.of("before", utc(Instant.now().minus(retention))));
    if (purged > 0) {
      log.info("{} Idempotency-Key(s) older than {} purged", purged, retention);
    }
    return purged;
  }

  private boolean claim(String key, String fingerprint) {
    Map<String, Object> row = new HashMap<>();
    row.put("key", key);
    row.put("fingerprint", fingerprint);
    row.put("now", utc(Instant.now()));
    return sql.update("orchestrator/claim-key.sql", row) == 1;
  }

  /** A claim with no order past {@code orphanedAfter} died with its request: deleted. */
  private boolean freeIfOrphaned(String key, Instant claimedAt) {
    Instant before = Instant.now().minus(orphanedAfter);
    if (claimedAt == null || !claimedAt.isBefore(before)) {
      return false;
    }
    boolean freed =
        sql.update("orchestrator/free-orphaned-key.sql", Map.of("key", key, "before", utc(before)))
            == 1;
    if (freed) {
      log.warn(
          "Idempotency-Key {} was claimed by a request that died before its order: freed", key);
    }
    return freed;
  }

  private static Map<String, Object> key(String key) {
    return Map.of("key", key);
  }

  private static OffsetDateTime utc(Instant instant) {
    return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
  }

  /** A refusal about the key itself, with the contract's error shape. */
  public abstract static class KeyRefused extends RuntimeException {
    private final String error;
    private final String violation;

    KeyRefused(String error, String message, String violation) {
      super(message, null, false, false);
      this.error = error;
      this.violation = violation;
    }

    public abstract int status();

    public ErrorBody body() {
      return new ErrorBody(
          error, null, null, getMessage(), List.of(new Violation(HEADER, violation)));
    }
  }

  /** The key's first request is still running after the wait: 409. */
  public static class KeyInUse extends KeyRefused {
    public KeyInUse(String key) {
      super(
          "IDEMPOTENCY_KEY_IN_USE",
          "a request with Idempotency-Key " + key + " is still in progress",
          "a request with this key is still in progress; retry later");
    }

    @Override
    public int status() {
      return 409;
    }
  }

  /** The key was first used with another request body: 422. */
  public static class KeyMismatch extends KeyRefused {
    public KeyMismatch(String key) {
      super(
          "IDEMPOTENCY_KEY_MISMATCH",
          "Idempotency-Key " + key + " was first used with another request body",
          "was first used with another request body");
    }

    @Override
    public int status() {
      return 422;
    }
  }
}
