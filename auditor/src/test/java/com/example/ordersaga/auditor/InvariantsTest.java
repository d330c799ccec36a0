package com.example.ordersaga.auditor;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.ordersaga.auditor.Snapshot.Account;
import com.example.ordersaga.auditor.Snapshot.CompletionCall;
import com.example.ordersaga.auditor.Snapshot.HeldOrder;
import com.example.ordersaga.auditor.Snapshot.Line;
import com.example.ordersaga.auditor.Snapshot.Notification;
import com.example.ordersaga.auditor.Snapshot.OpenLra;
import com.example.ordersaga.auditor.Snapshot.OutcomeEvent;
import com.example.ordersaga.auditor.Snapshot.Payment;
import com.example.ordersaga.auditor.Snapshot.PointMovement;
import com.example.ordersaga.auditor.Snapshot.Product;
import com.example.ordersaga.auditor.Snapshot.SagaOrder;
import com.example.ordersaga.auditor.Snapshot.StockMovement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Each rule on a consistent system (one completed order, one compensated, one never created), then
 * each way of breaking it: exactly that rule reports, about exactly that subject.
 */
class InvariantsTest {

  @Test
  void aConsistentSystemBreaksNoRule() {
    Invariants.Result result = Invariants.check(consistent());

    assertThat(result.violations()).isEmpty();
    assertThat(result.checked()).containsOnlyKeys(Invariants.RULES);
    assertThat(result.checked().values()).allMatch(count -> count > 0);
  }

  @Test
  void anOrderLeftPendingBreaksOrderEnded() {
    Snapshot s = consistent();
    Snapshot broken = copy(s, replace(s.heldOrders(), 0, order("o-1", "PENDING")), s.sagaOrders());

    assertThat(rulesBroken(broken)).contains("order-ended o-1: order-service says PENDING");
  }

  @Test
  void aMissingRefundBreaksPoints() {
    Snapshot s = consistent();
    List<PointMovement> moves = new ArrayList<>(s.pointMovements());
    moves.removeIf(move -> move.kind().equals("REFUND"));

    assertThat(rulesBroken(copyPoints(s, moves)))
        .containsExactly("points o-2: net deducted 300, expected 0");
  }

  @Test
  void stockNotRestoredBreaksStock() {
    Snapshot s = consistent();
    List<StockMovement> moves = new ArrayList<>(s.stockMovements());
    moves.removeIf(move -> move.kind().equals("RESTORE"));

    assertThat(rulesBroken(copyStock(s, moves)))
        .containsExactly("stock o-2 p-1: net deducted 2, expected 0");
  }

  @Test
  void aPaymentLeftApprovedBreaksPayments() {
    Snapshot s = consistent();
    List<Payment> payments = new ArrayList<>(s.payments());
    payments.set(1, new Payment("pay-2", "o-2", 1700, "APPROVED"));

    assertThat(rulesBroken(copyPayments(s, payments)))
        .containsExactly("payments o-2: not completed, payments [APPROVED 1700]");
  }

  @Test
  void aDuplicateWithTheSameEventIdIsOneEventButTwoEventIdsAreNot() {
    Snapshot s = consistent();
    List<OutcomeEvent> resent = new ArrayList<>(s.events());
    resent.add(new OutcomeEvent("o-1", "e-1", "ORDER_COMPLETED"));
    assertThat(Invariants.check(copyEvents(s, resent)).violations()).isEmpty();

    List<OutcomeEvent> twice = new ArrayList<>(s.events());
    twice.add(new OutcomeEvent("o-1", "e-9", "ORDER_COMPLETED"));
    assertThat(rulesBroken(copyEvents(s, twice)))
        .containsExactly("one-event o-1: 2 distinct events for a COMPLETED order");
  }

  @Test
  void anOpenLraAndAMissingNotificationAreReported() {
    Snapshot s = consistent();
    Snapshot broken =
        new Snapshot(
            s.sagaOrders(),
            s.heldOrders(),
            s.payments(),
            s.accounts(),
            s.pointMovements(),
            s.products(),
            s.stockMovements(),
            s.events(),
            List.of("o-1"),
            List.of(),
            s.completionCalls(),
            List.of(new OpenLra("http://c/lra/1", "Active")));

    assertThat(rulesBroken(broken))
        .containsExactly(
            "lra-ended http://c/lra/1: still Active",
            "notified o-1: COMPLETED, accepted by the completion API 0 time(s) (parked on order-events.DLT)");
  }

  @Test
  void anOrderTheViewsDisagreeOnIsReported() {
    Snapshot s = consistent();
    List<SagaOrder> view = new ArrayList<>(s.sagaOrders());
    view.set(1, new SagaOrder("o-2", "COMPLETED", "lra-2", null));

    assertThat(rulesBroken(copy(s, s.heldOrders(), view)))
        .containsExactly("views-agree o-2: order-service CANCELLED, saga view COMPLETED");
  }

  /**
   * o-1 completed (300 points, 2 × p-1, paid 1700); o-2 compensated after every step (points
   * refunded, stock restored, payment cancelled); o-3 refused before order-service held it.
   */
  private static Snapshot consistent() {
    return new Snapshot(
        List.of(
            new SagaOrder("o-1", "COMPLETED", "lra-1", null),
            new SagaOrder("o-2", "CANCELLED", "lra-2", "STEP_FAILED"),
            new SagaOrder("o-3", "CANCELLED", null, "UNKNOWN_PRODUCT")),
        List.of(order("o-1", "COMPLETED"), order("o-2", "CANCELLED")),
        List.of(
            new Payment("pay-1", "o-1", 1700, "CONFIRMED"),
            new Payment("pay-2", "o-2", 1700, "CANCELLED")),
        List.of(new Account("u-1", 99_700)),
        List.of(
            new PointMovement("o-1", "u-1", "DEDUCT", 300),
            new PointMovement("o-2", "u-1", "DEDUCT", 300),
            new PointMovement("o-2", "u-1", "REFUND", 300)),
        List.of(new Product("p-1", 998)),
        List.of(
            new StockMovement("o-1", "p-1", "DEDUCT", 2),
            new StockMovement("o-2", "p-1", "DEDUCT", 2),
            new StockMovement("o-2", "p-1", "RESTORE", 2)),
        List.of(
            new OutcomeEvent("o-1", "e-1", "ORDER_COMPLETED"),
            new OutcomeEvent("o-2", "e-2", "ORDER_CANCELLED")),
        List.of(),
        List.of(new Notification("o-1", 1)),
        List.of(new CompletionCall("o-1", 201)),
        List.of());
  }

  private static HeldOrder order(String id, String status) {
    return new HeldOrder(
        id, status, "u-1", List.of(new Line("p-1", 2)), 2000, 300, 1700, "lra-" + id);
  }

  private static List<String> rulesBroken(Snapshot snapshot) {
    return Invariants.check(snapshot).violations().stream().map(Violation::toString).toList();
  }

  private static <T> List<T> replace(List<T> list, int index, T value) {
    List<T> copy = new ArrayList<>(list);
    copy.set(index, value);
    return copy;
  }

  private static Snapshot copy(Snapshot s, List<HeldOrder> held, List<SagaOrder> view) {
    return new Snapshot(
        view,
        held,
        s.payments(),
        s.accounts(),
        s.pointMovements(),
        s.products(),
        s.stockMovements(),
        s.events(),
        s.parkedOrderIds(),
        s.notifications(),
        s.completionCalls(),
        s.openLras());
  }

  private static Snapshot copyPoints(Snapshot s, List<PointMovement> moves) {
    return new Snapshot(
        s.sagaOrders(),
        s.heldOrders(),
        s.payments(),
        s.accounts(),
        moves,
        s.products(),
        s.stockMovements(),
        s.events(),
        s.parkedOrderIds(),
        s.notifications(),
        s.completionCalls(),
        s.openLras());
  }

  private static Snapshot copyStock(Snapshot s, List<StockMovement> moves) {
    return new Snapshot(
        s.sagaOrders(),
        s.heldOrders(),
        s.payments(),
        s.accounts(),
        s.pointMovements(),
        s.products(),
        moves,
        s.events(),
        s.parkedOrderIds(),
        s.notifications(),
        s.completionCalls(),
        s.openLras());
  }

  private static Snapshot copyPayments(Snapshot s, List<Payment> payments) {
    return new Snapshot(
        s.sagaOrders(),
        s.heldOrders(),
        payments,
        s.accounts(),
        s.pointMovements(),
        s.products(),
        s.stockMovements(),
        s.events(),
        s.parkedOrderIds(),
        s.notifications(),
        s.completionCalls(),
        s.openLras());
  }

  private static Snapshot copyEvents(Snapshot s, List<OutcomeEvent> events) {
    return new Snapshot(
        s.sagaOrders(),
        s.heldOrders(),
        s.payments(),
        s.accounts(),
        s.pointMovements(),
        s.products(),
        s.stockMovements(),
        events,
        s.parkedOrderIds(),
        s.notifications(),
        s.completionCalls(),
        s.openLras());
  }
}
