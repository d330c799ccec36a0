package com.example.ordersaga.auditor;

import java.time.Duration;

/**
 * {@code java -jar auditor-all.jar}: audits the stack the environment points at (run.sh's
 * variables). Exit 0 when every invariant holds, 1 on a violation, 2 when the stack cannot be read.
 * {@code AUDIT_SETTLE} (default 15 s) and {@code AUDIT_LIMIT} (default 120 s) bound the wait.
 */
public final class AuditMain {

  private AuditMain() {}

  public static void main(String[] args) throws InterruptedException {
    AuditTarget target = AuditTarget.fromEnvironment(System.getenv());
    Duration settle = Duration.parse("PT" + System.getenv().getOrDefault("AUDIT_SETTLE", "15s"));
    Duration limit = Duration.parse("PT" + System.getenv().getOrDefault("AUDIT_LIMIT", "120s"));
    AuditReport report;
    try {
      report = new Auditor(target, settle, limit).audit();
    } catch (Exception unreadable) {
      System.err.println("audit: cannot read the stack: " + unreadable);
      System.exit(2);
      return;
    }
    report.print(System.out);
    System.exit(report.ok() ? 0 : 1);
  }
}
