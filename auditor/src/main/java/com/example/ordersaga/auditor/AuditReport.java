package com.example.ordersaga.auditor;

import java.io.PrintStream;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** What the audit found, printable for people and readable by tests. */
public record AuditReport(Snapshot snapshot, Invariants.Result result, Duration waited) {

  private static final int LISTED = 20;

  public boolean ok() {
    return result.violations().isEmpty();
  }

  public List<Violation> violations() {
    return result.violations();
  }

  public void print(PrintStream out) {
    Map<String, Long> byStatus =
        snapshot.sagaOrders().stream()
            .collect(Collectors.groupingBy(o -> String.valueOf(o.status()), Collectors.counting()));
    out.printf(
        "orders %d %s | held by order-service %d | payments %d | point moves %d | stock moves %d%n",
        snapshot.sagaOrders().size(),
        byStatus,
        snapshot.heldOrders().size(),
        snapshot.payments().size(),
        snapshot.pointMovements().size(),
        snapshot.stockMovements().size());
    out.printf(
        "events %d (%d parked on the DLT) | completion API: %d accepted, %d calls | open LRAs %d"
            + " | read for %.1f s%n",
        snapshot.events().size(),
        snapshot.parkedOrderIds().size(),
        snapshot.notifications().size(),
        snapshot.completionCalls().size(),
        snapshot.openLras().size(),
        waited.toMillis() / 1000.0);
    out.println();
    out.printf("%-12s %8s %11s%n", "RULE", "CHECKED", "VIOLATIONS");
    for (String rule : Invariants.RULES) {
      long broken = violations().stream().filter(v -> v.rule().equals(rule)).count();
      out.printf("%-12s %8d %11d%n", rule, result.checked().getOrDefault(rule, 0), broken);
    }
    out.println();
    violations().stream().limit(LISTED).forEach(v -> out.println("  " + v));
    if (violations().size() > LISTED) {
      out.println("  … and " + (violations().size() - LISTED) + " more");
    }
    out.println(
        ok() ? "AUDIT OK: 0 violations" : "AUDIT FAILED: " + violations().size() + " violation(s)");
  }
}
