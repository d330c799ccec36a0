package com.example.ordersaga.auditor;

import java.io.IOException;
import java.time.Duration;

/**
 * Reads the system until it is quiet, then judges it. Sagas in flight, an outbox not yet relayed or
 * a completion call still being retried break rules for a while; so the auditor reads again until
 * every rule holds, or until nothing has changed for {@code settle} (a stable violation is a real
 * one), or until {@code limit}.
 */
public class Auditor {

  private static final Duration PAUSE = Duration.ofSeconds(1);

  private final SnapshotReader reader;
  private final Duration settle;
  private final Duration limit;

  public Auditor(AuditTarget target, Duration settle, Duration limit) {
    this.reader = new SnapshotReader(target);
    this.settle = settle;
    this.limit = limit;
  }

  public AuditReport audit() throws IOException, InterruptedException {
    long start = System.nanoTime();
    long deadline = start + limit.toNanos();
    Snapshot snapshot = reader.read();
    Invariants.Result result = Invariants.check(snapshot);
    long unchangedSince = System.nanoTime();
    while (!result.violations().isEmpty()
        && System.nanoTime() - unchangedSince < settle.toNanos()
        && System.nanoTime() < deadline) {
      Thread.sleep(PAUSE.toMillis());
      Snapshot next = reader.read();
      if (!next.equals(snapshot)) {
        unchangedSince = System.nanoTime();
      }
      snapshot = next;
      result = Invariants.check(snapshot);
    }
    return new AuditReport(snapshot, result, Duration.ofNanos(System.nanoTime() - start));
  }
}
