package com.example.ordersaga.order;

import static com.example.ordersaga.order.OrderFixtures.ALICE;
import static com.example.ordersaga.order.OrderFixtures.GADGET;
import static com.example.ordersaga.order.OrderFixtures.GADGET_PRICE;
import static com.example.ordersaga.order.OrderFixtures.WIDGET;
import static com.example.ordersaga.order.OrderFixtures.WIDGET_PRICE;
import static com.example.ordersaga.order.OrderFixtures.aFreshLra;
import static com.example.ordersaga.order.OrderFixtures.aliceBuysAGadget;
import static com.example.ordersaga.order.OrderFixtures.aliceBuysTwoWidgetsAndAGadget;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doCallRealMethod;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

import com.example.ordersaga.common.events.OrderEventType;
import com.example.ordersaga.common.participant.errors.BusinessRejection;
import com.example.ordersaga.common.participant.errors.InvalidRequest;
import com.example.ordersaga.common.participant.errors.NotFound;
import com.example.ordersaga.common.participant.errors.RejectionReason;
import com.example.ordersaga.common.participant.faults.SimulatedFailure;
import com.example.ordersaga.common.participant.ledger.LedgerState;
import com.example.ordersaga.common.participant.ledger.StepLedger;
import com.example.ordersaga.order.api.CreateOrderRequest;
import com.example.ordersaga.order.api.OrderParticipant;
import com.example.ordersaga.order.domain.Order;
import com.example.ordersaga.order.domain.OrderLine;
import com.example.ordersaga.order.domain.OrderStatus;
import com.example.ordersaga.order.domain.Orders;
import com.example.ordersaga.order.domain.PaymentMethod;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;

/**
 * The order's saga steps on a real database, called as the routes and the coordinator's callbacks
 * call them: once per LRA, fenced, and fault-injectable; an order's final move records its one
 * outcome event in the outbox (left pending here: no relay). Run on H2 and on PostgreSQL.
 */
abstract class OrderParticipantContract {

  private static final String CREATE_FAILS = "order-create";
  private static final String CREATE_FAILS_AFTER_COMMIT = "order-create:after-commit";
  private static final String COMPLETE_FAILS = "order-complete";

  @Autowired OrderParticipant participant;
  @Autowired JdbcTemplate jdbc;
  @Autowired ObjectMapper json;
  @MockitoSpyBean Orders orders;
  @MockitoSpyBean StepLedger ledger;

  @Test
  void createPlacesThePendingOrderOnceAndAReplayAnswersTheSame() {
    String lra = aFreshLra();
    CreateOrderRequest request = aliceBuysTwoWidgetsAndAGadget();

    Order created = participant.create(lra, request, null);
    Order replayed = participant.create(lra, request, null);

    assertThat(created.orderId()).isEqualTo(request.orderId());
    assertThat(created.status()).isEqualTo(OrderStatus.PENDING);
    assertThat(created.lraId()).isEqualTo(lra);
    assertThat(created.userId()).isEqualTo(ALICE);
    assertThat(created.items())
        .containsExactly(
            new OrderLine(WIDGET, 2, WIDGET_PRICE), new OrderLine(GADGET, 1, GADGET_PRICE));
    assertThat(created.totalAmount()).isEqualTo(2500);
    assertThat(created.pointsUsed()).isEqualTo(500);
    assertThat(created.paidAmount()).isEqualTo(2000);
    assertThat(created.paymentMethod()).isEqualTo(PaymentMethod.CARD);
    assertThat(created.createdAt()).isNotNull().isEqualTo(created.updatedAt());
    assertThat(replayed).isEqualTo(created);
    verify(orders, times(1)).create(eq(lra), any());
  }

  @Test
  void compensationCancelsTheOrderOnce() {
    String lra = aFreshLra();
    String orderId = participant.create(lra, aliceBuysTwoWidgetsAndAGadget(), null).orderId();

    participant.cancel(lra);
    Order cancelled = orders.order(orderId);
    participant.cancel(lra);

    assertThat(cancelled.status()).isEqualTo(OrderStatus.CANCELLED);
    assertThat(orders.order(orderId)).isEqualTo(cancelled);
    verify(orders, times(1)).cancel(lra);
  }

  @Test
  void completionCompletesTheOrderOnce() {
    String lra = aFreshLra();
    String orderId = participant.create(lra, aliceBuysTwoWidgetsAndAGadget(), null).orderId();

    participant.finish(lra);
    Order completed = orders.order(orderId);
    participant.finish(lra);

    assertThat(completed.status()).isEqualTo(OrderStatus.COMPLETED);
    assertThat(orders.order(orderId)).isEqualTo(completed);
    verify(orders, times(1)).complete(lra);
  }

  @Test
  void completionAfterCompensationChangesNothing() {
    String lra = aFreshLra();
    String orderId = participant.create(lra, aliceBuysTwoWidgetsAndAGadget(), null).orderId();
    participant.cancel(lra);
    Order cancelled = orders.order(orderId);

    participant.finish(lra);

    assertThat(orders.order(orderId)).isEqualTo(cancelled);
    verify(orders, never()).complete(lra);
  }

  @Test
  void compensationAfterCompletionChangesNothing() {
    String lra = aFreshLra();
    String orderId = participant.create(lra, aliceBuysTwoWidgetsAndAGadget(), null).orderId();
    participant.finish(lra);
    Order completed = orders.order(orderId);

    participant.cancel(lra);

    assertThat(orders.order(orderId)).isEqualTo(completed);
    verify(orders, never()).cancel(lra);
  }

  @Test
  void compensationBeforeCreateFencesTheLateCreate() {
    String lra = aFreshLra();
    CreateOrderRequest late = aliceBuysTwoWidgetsAndAGadget();

    participant.cancel(lra);

    assertThatThrownBy(() -> participant.create(lra, late, null))
        .isInstanceOfSatisfying(
            BusinessRejection.class,
            rejection -> assertThat(rejection.reason()).isEqualTo(RejectionReason.LRA_ENDED));
    assertThatThrownBy(() -> orders.order(late.orderId())).isInstanceOf(NotFound.class);
    verify(orders, never()).create(eq(lra), any());
  }

  @Test
  void everyOrderIsListedWithItsOwnLinesAsItReadsAlone() {
    String completedLra = aFreshLra();
    String completed =
        participant.create(completedLra, aliceBuysTwoWidgetsAndAGadget(), null).orderId();
    participant.finish(completedLra);
    String cancelledLra = aFreshLra();
    String cancelled = participant.create(cancelledLra, aliceBuysAGadget(), null).orderId();
    participant.cancel(cancelledLra);

    List<Order> listed = orders.all();

    assertThat(listed)
        .filteredOn(order -> List.of(completed, cancelled).contains(order.orderId()))
        .containsExactlyInAnyOrder(orders.order(completed), orders.order(cancelled));
    assertThat(listed).extracting(Order::orderId).doesNotHaveDuplicates();
    assertThat(listed)
        .isSortedAccordingTo(Comparator.comparing(Order::createdAt).thenComparing(Order::orderId));
  }

  @Test
  void orderCompleteMarksThePendingOrderConfirmingOnceAndTheCloseCompletesIt() {
    String lra = aFreshLra();
    String orderId = participant.create(lra, aliceBuysTwoWidgetsAndAGadget(), null).orderId();

    Order ready = participant.markReady(lra, orderId, null);
    Order replayed = participant.markReady(lra, orderId, null);
    participant.finish(lra);

    assertThat(ready.status()).isEqualTo(OrderStatus.CONFIRMING);
    assertThat(replayed).isEqualTo(ready);
    verify(orders, times(1)).markConfirming(lra, orderId);
    assertThat(orders.order(orderId).status()).isEqualTo(OrderStatus.COMPLETED);
  }

  @Test
  void orderCompleteAfterCompensationIsRefused() {
    String lra = aFreshLra();
    String orderId = participant.create(lra, aliceBuysTwoWidgetsAndAGadget(), null).orderId();
    participant.cancel(lra);

    assertThatThrownBy(() -> participant.markReady(lra, orderId, null))
        .isInstanceOfSatisfying(
            BusinessRejection.class,
            rejection -> assertThat(rejection.reason()).isEqualTo(RejectionReason.LRA_ENDED));
    assertThat(orders.order(orderId).status()).isEqualTo(OrderStatus.CANCELLED);
  }

  @Test
  void aConfirmingOrderIsCancelledByCompensationAndAReplayOfOrderCompleteIsRefused() {
    String lra = aFreshLra();
    String orderId = participant.create(lra, aliceBuysTwoWidgetsAndAGadget(), null).orderId();
    participant.markReady(lra, orderId, null);

    participant.cancel(lra);

    assertThat(orders.order(orderId).status()).isEqualTo(OrderStatus.CANCELLED);
    assertThatThrownBy(() -> participant.markReady(lra, orderId, null))
        .isInstanceOfSatisfying(
            BusinessRejection.class,
            rejection -> assertThat(rejection.reason()).isEqualTo(RejectionReason.LRA_ENDED));
  }

  @Test
  void orderCompleteOfAnOrderUnknownToTheLraIsNotFound() {
    String lra = aFreshLra();
    String orderOfAnotherSaga =
        participant.create(aFreshLra(), aliceBuysTwoWidgetsAndAGadget(), null).orderId();

    assertThatThrownBy(() -> participant.markReady(lra, "order-nobody-placed", null))
        .isInstanceOf(NotFound.class);
    assertThatThrownBy(() -> participant.markReady(lra, orderOfAnotherSaga, null))
        .isInstanceOf(NotFound.class);
    assertThat(orders.order(orderOfAnotherSaga).status()).isEqualTo(OrderStatus.PENDING);
  }

  @Test
  void aFailureInsideTheTransactionLeavesNoOrderAndARetryPlacesIt() {
    String lra = aFreshLra();
    CreateOrderRequest request = aliceBuysTwoWidgetsAndAGadget();

    assertThatThrownBy(() -> participant.create(lra, request, CREATE_FAILS))
        .isInstanceOf(SimulatedFailure.class);

    assertThatThrownBy(() -> orders.order(request.orderId())).isInstanceOf(NotFound.class);
    assertThat(participant.create(lra, request, null).status()).isEqualTo(OrderStatus.PENDING);
  }

  @Test
  void aFailureAfterTheCommitKeepsTheOrderAndReportsTheFailure() {
    String lra = aFreshLra();
    CreateOrderRequest request = aliceBuysTwoWidgetsAndAGadget();

    assertThatThrownBy(
            () -> participant.create(lra, request, "payment-save," + CREATE_FAILS_AFTER_COMMIT))
        .isInstanceOf(SimulatedFailure.class);

    assertThat(orders.order(request.orderId()).status()).isEqualTo(OrderStatus.PENDING);
    assertThat(participant.create(lra, request, null).orderId()).isEqualTo(request.orderId());
    verify(orders, times(1)).create(eq(lra), any());
  }

  @Test
  void aFailureOfOrderCompleteLeavesTheOrderPending() {
    String lra = aFreshLra();
    String orderId = participant.create(lra, aliceBuysTwoWidgetsAndAGadget(), null).orderId();

    assertThatThrownBy(() -> participant.markReady(lra, orderId, COMPLETE_FAILS))
        .isInstanceOf(SimulatedFailure.class);

    assertThat(orders.order(orderId).status()).isEqualTo(OrderStatus.PENDING);
  }

  @Test
  void anOrderIdTakenByAnotherSagaIsRefusedAndLeftAlone() {
    CreateOrderRequest request = aliceBuysTwoWidgetsAndAGadget();
    String firstLra = aFreshLra();
    participant.create(firstLra, request, null);

    assertThatThrownBy(() -> participant.create(aFreshLra(), request, null))
        .isInstanceOf(InvalidRequest.class);

    assertThat(orders.order(request.orderId()).lraId()).isEqualTo(firstLra);
  }

  @Test
  void completionRecordsOneCompletedEventAndNeitherAReplayNorALateCompensationAnother()
      throws Exception {
    String lra = aFreshLra();
    String orderId = participant.create(lra, aliceBuysTwoWidgetsAndAGadget(), null).orderId();
    participant.markReady(lra, orderId, null);

    participant.finish(lra);
    participant.finish(lra);
    participant.cancel(lra);

    List<OutboxRow> rows = OutboxRow.ofOrder(jdbc, orderId);
    assertThat(rows).hasSize(1);
    OutboxRow row = rows.get(0);
    assertThat(row.eventType()).isEqualTo("ORDER_COMPLETED");
    assertThat(row.sent()).isFalse();
    assertThat(
            OutcomeEventJson.assertOutcome(
                json, row.payload(), orders.order(orderId), OrderEventType.ORDER_COMPLETED))
        .isEqualTo(row.eventId());
  }

  @Test
  void compensationRecordsOneCancelledEventAndNeitherAReplayNorALateCompletionAnother()
      throws Exception {
    String lra = aFreshLra();
    String orderId = participant.create(lra, aliceBuysTwoWidgetsAndAGadget(), null).orderId();

    participant.cancel(lra);
    participant.cancel(lra);
    participant.finish(lra);

    List<OutboxRow> rows = OutboxRow.ofOrder(jdbc, orderId);
    assertThat(rows).hasSize(1);
    assertThat(rows.get(0).eventType()).isEqualTo("ORDER_CANCELLED");
    assertThat(
            OutcomeEventJson.assertOutcome(
                json, rows.get(0).payload(), orders.order(orderId), OrderEventType.ORDER_CANCELLED))
        .isEqualTo(rows.get(0).eventId());
  }

  @Test
  void sagasThatPlacedNoOrderHereRecordNoEvent() {
    String compensatedFirst = aFreshLra();
    CreateOrderRequest lateCreate = aliceBuysTwoWidgetsAndAGadget();
    participant.cancel(compensatedFirst);
    assertThatThrownBy(() -> participant.create(compensatedFirst, lateCreate, null))
        .isInstanceOf(BusinessRejection.class);

    String failedCreate = aFreshLra();
    CreateOrderRequest failed = aliceBuysTwoWidgetsAndAGadget();
    assertThatThrownBy(() -> participant.create(failedCreate, failed, CREATE_FAILS))
        .isInstanceOf(SimulatedFailure.class);
    participant.cancel(failedCreate);

    CreateOrderRequest taken = aliceBuysTwoWidgetsAndAGadget();
    participant.create(aFreshLra(), taken, null);
    String refusedCreate = aFreshLra();
    assertThatThrownBy(() -> participant.create(refusedCreate, taken, null))
        .isInstanceOf(InvalidRequest.class);
    participant.cancel(refusedCreate);

    assertThat(OutboxRow.ofOrder(jdbc, lateCreate.orderId())).isEmpty();
    assertThat(OutboxRow.ofOrder(jdbc, failed.orderId())).isEmpty();
    assertThat(OutboxRow.ofOrder(jdbc, taken.orderId())).isEmpty();
    assertThat(orders.order(taken.orderId()).status()).isEqualTo(OrderStatus.PENDING);
  }

  @Test
  void aCompletionWhoseTransactionRollsBackLeavesNeitherTheMoveNorTheEventAndItsRetryRecordsOne() {
    String lra = aFreshLra();
    String orderId = participant.create(lra, aliceBuysTwoWidgetsAndAGadget(), null).orderId();
    // Fails the completion's last write, after the order moved and its event was appended.
    doThrow(new SimulatedFailure(OrderParticipant.CREATE_STEP, false))
        .when(ledger)
        .transition(lra, OrderParticipant.CREATE_STEP, LedgerState.APPLIED, LedgerState.COMPLETED);

    assertThatThrownBy(() -> participant.finish(lra)).isInstanceOf(SimulatedFailure.class);

    assertThat(orders.order(orderId).status()).isEqualTo(OrderStatus.PENDING);
    assertThat(OutboxRow.ofOrder(jdbc, orderId)).isEmpty();

    doCallRealMethod()
        .when(ledger)
        .transition(lra, OrderParticipant.CREATE_STEP, LedgerState.APPLIED, LedgerState.COMPLETED);
    participant.finish(lra);

    assertThat(orders.order(orderId).status()).isEqualTo(OrderStatus.COMPLETED);
    assertThat(OutboxRow.ofOrder(jdbc, orderId))
        .singleElement()
        .extracting(OutboxRow::eventType)
        .isEqualTo("ORDER_COMPLETED");
  }
}
