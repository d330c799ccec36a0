package com.example.ordersaga.auditor;

import com.example.ordersaga.auditor.Snapshot.HeldOrder;
import com.example.ordersaga.auditor.Snapshot.OutcomeEvent;
import com.example.ordersaga.auditor.Snapshot.Payment;
import com.example.ordersaga.auditor.Snapshot.SagaOrder;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The rules of design.md §4, checked on one snapshot. Sums are checked per order (stronger than per
 * user or product: a refund for one order cannot hide a missing refund for another), which implies
 * {@code balance = initial − Σ points of COMPLETED orders} for every user and the same for stock.
 */
public final class Invariants {

  public static final List<String> RULES =
      List.of(
          "order-ended",
          "views-agree",
          "lra-ended",
          "points",
          "stock",
          "payments",
          "one-event",
          "notified");

  private static final String COMPLETED = "COMPLETED";
  private static final String CANCELLED = "CANCELLED";

  /** Per rule: how many subjects were checked; and the violations found. */
  public record Result(Map<String, Integer> checked, List<Violation> violations) {}

  private final Snapshot snapshot;
  private final Map<String, Integer> checked = new LinkedHashMap<>();
  private final List<Violation> violations = new ArrayList<>();
  private final Map<String, HeldOrder> held;

  private Invariants(Snapshot snapshot) {
    this.snapshot = snapshot;
    this.held = byId(snapshot.heldOrders(), HeldOrder::orderId);
    RULES.forEach(rule -> checked.put(rule, 0));
  }

  public static Result check(Snapshot snapshot) {
    Invariants invariants = new Invariants(snapshot);
    invariants.ordersEnded();
    invariants.viewsAgree();
    invariants.lrasEnded();
    invariants.points();
    invariants.stock();
    invariants.payments();
    invariants.oneEventPerOrder();
    invariants.completedOrdersNotified();
    return new Result(
        java.util.Collections.unmodifiableMap(invariants.checked),
        List.copyOf(invariants.violations));
  }

  /** Every order COMPLETED or CANCELLED, in the saga view and in order-service. */
  private void ordersEnded() {
    for (SagaOrder order : snapshot.sagaOrders()) {
      count("order-ended");
      if (!ended(order.status())) {
        violate("order-ended", order.orderId(), "saga view says " + order.status());
      }
    }
    for (HeldOrder order : snapshot.heldOrders()) {
      count("order-ended");
      if (!ended(order.status())) {
        violate("order-ended", order.orderId(), "order-service says " + order.status());
      }
    }
  }

  /**
   * The orchestrator and order-service tell the same story. An order the saga view cancelled may be
   * unknown to order-service (its order-create failed or was never reached).
   */
  private void viewsAgree() {
    Map<String, SagaOrder> view = byId(snapshot.sagaOrders(), SagaOrder::orderId);
    for (HeldOrder order : snapshot.heldOrders()) {
      count("views-agree");
      SagaOrder seen = view.get(order.orderId());
      if (seen == null) {
        violate("views-agree", order.orderId(), "held by order-service, unknown to the saga view");
      } else if (ended(order.status()) && !order.status().equals(seen.status())) {
        violate(
            "views-agree",
            order.orderId(),
            "order-service " + order.status() + ", saga view " + seen.status());
      }
    }
    for (SagaOrder order : snapshot.sagaOrders()) {
      if (COMPLETED.equals(order.status()) && !held.containsKey(order.orderId())) {
        count("views-agree");
        violate(
            "views-agree", order.orderId(), "COMPLETED in the saga view, unknown to order-service");
      }
    }
  }

  /**
   * The coordinator forgets an LRA once it ended; one it still lists has not, unless it lists it as
   * Closed or Cancelled (Narayana sometimes keeps such an entry a while: it has ended).
   */
  private void lrasEnded() {
    count("lra-ended");
    snapshot.openLras().stream()
        .filter(lra -> !"Closed".equals(lra.status()) && !"Cancelled".equals(lra.status()))
        .forEach(lra -> violate("lra-ended", lra.lraId(), "still " + lra.status()));
  }

  /** Per order: points deducted − refunded = pointsUsed if COMPLETED, else 0. */
  private void points() {
    Map<String, Long> net = new LinkedHashMap<>();
    snapshot
        .pointMovements()
        .forEach(
            move ->
                net.merge(
                    move.orderId(),
                    "REFUND".equals(move.kind()) ? -move.points() : move.points(),
                    Long::sum));
    for (String orderId : union(net.keySet(), held.keySet())) {
      count("points");
      HeldOrder order = held.get(orderId);
      long expected = order != null && COMPLETED.equals(order.status()) ? order.pointsUsed() : 0;
      long actual = net.getOrDefault(orderId, 0L);
      if (actual != expected) {
        violate("points", orderId, "net deducted " + actual + ", expected " + expected);
      }
    }
    snapshot
        .accounts()
        .forEach(
            account -> {
              count("points");
              if (account.balance() < 0) {
                violate("points", account.userId(), "balance " + account.balance());
              }
            });
  }

  /** Per order and product: stock deducted − restored = the ordered quantity if COMPLETED. */
  private void stock() {
    Map<String, Long> net = new LinkedHashMap<>();
    snapshot
        .stockMovements()
        .forEach(
            move ->
                net.merge(
                    move.orderId() + " " + move.productId(),
                    "RESTORE".equals(move.kind()) ? -move.quantity() : move.quantity(),
                    Long::sum));
    Map<String, Long> expected = new LinkedHashMap<>();
    for (HeldOrder order : snapshot.heldOrders()) {
      for (var line : order.items()) {
        expected.merge(
            order.orderId() + " " + line.productId(),
            COMPLETED.equals(order.status()) ? line.quantity() : 0,
            Long::sum);
      }
    }
    for (String key : union(net.keySet(), expected.keySet())) {
      count("stock");
      long want = expected.getOrDefault(key, 0L);
      long actual = net.getOrDefault(key, 0L);
      if (actual != want) {
        violate("stock", key, "net deducted " + actual + ", expected " + want);
      }
    }
    snapshot
        .products()
        .forEach(
            product -> {
              count("stock");
              if (product.stock() < 0) {
                violate("stock", product.productId(), "stock " + product.stock());
              }
            });
  }

  /**
   * A COMPLETED order has exactly one payment, CONFIRMED, of its paid amount; any other order's
   * payments are all CANCELLED.
   */
  private void payments() {
    Map<String, List<Payment>> byOrder =
        snapshot.payments().stream().collect(Collectors.groupingBy(Payment::orderId));
    for (String orderId : union(byOrder.keySet(), held.keySet())) {
      count("payments");
      HeldOrder order = held.get(orderId);
      List<Payment> payments = byOrder.getOrDefault(orderId, List.of());
      if (order != null && COMPLETED.equals(order.status())) {
        if (payments.size() != 1
            || !"CONFIRMED".equals(payments.get(0).status())
            || payments.get(0).amount() != order.paidAmount()) {
          violate(
              "payments",
              orderId,
              "COMPLETED with payments "
                  + describe(payments)
                  + ", expected one CONFIRMED of "
                  + order.paidAmount());
        }
      } else if (payments.stream().anyMatch(payment -> !CANCELLED.equals(payment.status()))) {
        violate("payments", orderId, "not completed, payments " + describe(payments));
      }
    }
  }

  /** Exactly one outcome event per order held, of the type of its final state. */
  private void oneEventPerOrder() {
    Map<String, List<OutcomeEvent>> byOrder =
        snapshot.events().stream().collect(Collectors.groupingBy(OutcomeEvent::orderId));
    for (String orderId : union(byOrder.keySet(), held.keySet())) {
      count("one-event");
      HeldOrder order = held.get(orderId);
      List<OutcomeEvent> events = byOrder.getOrDefault(orderId, List.of());
      Set<String> eventIds =
          events.stream().map(OutcomeEvent::eventId).collect(Collectors.toCollection(TreeSet::new));
      if (order == null) {
        violate("one-event", orderId, eventIds.size() + " event(s) for an order nobody holds");
      } else if (eventIds.size() != 1) {
        violate(
            "one-event",
            orderId,
            eventIds.size() + " distinct events for a " + order.status() + " order");
      } else if (!events.get(0).type().equals("ORDER_" + order.status())) {
        violate("one-event", orderId, events.get(0).type() + " for a " + order.status() + " order");
      }
    }
  }

  /** The external API accepted each COMPLETED order once, and heard nothing of the others. */
  private void completedOrdersNotified() {
    Map<String, Long> accepted =
        snapshot.notifications().stream()
            .collect(Collectors.groupingBy(n -> n.orderId(), Collectors.counting()));
    Set<String> called =
        snapshot.completionCalls().stream().map(c -> c.orderId()).collect(Collectors.toSet());
    Set<String> parked = Set.copyOf(snapshot.parkedOrderIds());
    for (HeldOrder order : snapshot.heldOrders()) {
      count("notified");
      long times = accepted.getOrDefault(order.orderId(), 0L);
      if (COMPLETED.equals(order.status()) && times != 1) {
        violate(
            "notified",
            order.orderId(),
            "COMPLETED, accepted by the completion API "
                + times
                + " time(s)"
                + (parked.contains(order.orderId()) ? " (parked on order-events.DLT)" : ""));
      } else if (!COMPLETED.equals(order.status()) && called.contains(order.orderId())) {
        violate("notified", order.orderId(), order.status() + " but the completion API was called");
      }
    }
  }

  private static boolean ended(String status) {
    return COMPLETED.equals(status) || CANCELLED.equals(status);
  }

  private static String describe(List<Payment> payments) {
    return payments.stream()
        .map(payment -> payment.status() + " " + payment.amount())
        .collect(Collectors.joining(", ", "[", "]"));
  }

  private static Set<String> union(Set<String> first, Set<String> second) {
    Set<String> all = new TreeSet<>(first);
    all.addAll(second);
    return all;
  }

  private static <T> Map<String, T> byId(List<T> rows, Function<T, String> id) {
    Map<String, T> map = new LinkedHashMap<>();
    rows.forEach(row -> map.put(id.apply(row), row));
    return map;
  }

  private void count(String rule) {
    checked.merge(rule, 1, Integer::sum);
  }

  private void violate(String rule, String subject, String detail) {
    violations.add(new Violation(rule, subject, detail));
  }
}
