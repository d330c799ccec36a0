package com.example.ordersaga.point;

import static com.example.ordersaga.point.PointFixtures.ALICE;
import static com.example.ordersaga.point.PointFixtures.newLra;
import static com.example.ordersaga.point.PointFixtures.newOrderId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.example.ordersaga.common.participant.errors.BusinessRejection;
import com.example.ordersaga.common.participant.errors.RejectionReason;
import com.example.ordersaga.common.participant.faults.SimulatedFailure;
import com.example.ordersaga.point.api.DeductPointsRequest;
import com.example.ordersaga.point.api.PointParticipant;
import com.example.ordersaga.point.domain.PointAccounts;
import com.example.ordersaga.point.domain.PointBalance;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** The point-deduct step and its compensation, against a real (in-memory) database. */
@PointServiceOnH2
class PointParticipantTest {

  private static final long START_BALANCE = 1_000;

  @Autowired PointParticipant participant;
  @Autowired PointAccounts accounts;
  @Autowired JdbcTemplate jdbc;
  @Autowired MeterRegistry metrics;

  @BeforeEach
  void aliceHasStartBalance() {
    accounts.setBalance(ALICE, START_BALANCE);
  }

  @Test
  void deductionIsAppliedOnceAndARepeatAnswersTheSame() {
    String lra = newLra();
    DeductPointsRequest request = new DeductPointsRequest(newOrderId(), 300L);

    PointBalance first = participant.deduct(lra, ALICE, request, null);
    PointBalance repeat = participant.deduct(lra, ALICE, request, null);

    assertThat(first).isEqualTo(new PointBalance(ALICE, 700));
    assertThat(repeat).isEqualTo(first);
    assertThat(balance()).isEqualTo(700);
    assertThat(movements(lra)).containsExactly("DEDUCT");
  }

  @Test
  void refundGivesBackWhatThisSagaDeductedOnce() {
    String lra = newLra();
    participant.deduct(lra, ALICE, new DeductPointsRequest(newOrderId(), 300L), null);
    participant.deduct(newLra(), ALICE, new DeductPointsRequest(newOrderId(), 100L), null);
    double compensations = counted("saga.compensations");
    double fenced = counted("saga.fenced");

    participant.refund(lra);
    participant.refund(lra);

    assertThat(balance()).isEqualTo(900);
    assertThat(movements(lra)).containsExactly("DEDUCT", "REFUND");
    assertThat(ledgerState(lra)).isEqualTo("COMPENSATED");
    assertThat(counted("saga.compensations") - compensations).as("counted once").isEqualTo(1);
    assertThat(counted("saga.fenced") - fenced).isZero();
  }

  private double counted(String name) {
    Counter counter =
        metrics.find(name).tags("service", "point-service", "step", "point-deduct").counter();
    return counter == null ? 0 : counter.count();
  }

  @Test
  void compensationBeforeTheActionFencesTheLateAction() {
    String lra = newLra();
    double compensations = counted("saga.compensations");
    double fenced = counted("saga.fenced");

    participant.refund(lra);
    participant.refund(lra);
    assertThat(counted("saga.fenced") - fenced).as("counted once").isEqualTo(1);
    assertThat(counted("saga.compensations") - compensations).isZero();

    assertThatThrownBy(
            () -> participant.deduct(lra, ALICE, new DeductPointsRequest(newOrderId(), 300L), null))
        .isInstanceOfSatisfying(
            BusinessRejection.class,
            rejection -> assertThat(rejection.reason()).isEqualTo(RejectionReason.LRA_ENDED));
    assertThat(balance()).isEqualTo(START_BALANCE);
    assertThat(movements(lra)).isEmpty();
    assertThat(ledgerState(lra)).isEqualTo("FENCED");
  }

  @Test
  void insufficientPointsAppliesNothingAndIsRememberedForReplays() {
    String lra = newLra();
    DeductPointsRequest tooMuch = new DeductPointsRequest(newOrderId(), START_BALANCE + 1);

    assertThatThrownBy(() -> participant.deduct(lra, ALICE, tooMuch, null))
        .isInstanceOfSatisfying(
            BusinessRejection.class,
            rejection ->
                assertThat(rejection.reason()).isEqualTo(RejectionReason.INSUFFICIENT_POINTS));
    accounts.setBalance(ALICE, START_BALANCE * 10);
    assertThatThrownBy(() -> participant.deduct(lra, ALICE, tooMuch, null))
        .isInstanceOfSatisfying(
            BusinessRejection.class,
            rejection ->
                assertThat(rejection.reason()).isEqualTo(RejectionReason.INSUFFICIENT_POINTS));

    assertThat(balance()).isEqualTo(START_BALANCE * 10);
    assertThat(movements(lra)).isEmpty();
    participant.refund(lra);
    assertThat(balance()).isEqualTo(START_BALANCE * 10);
    assertThat(ledgerState(lra)).isEqualTo("COMPENSATED");
  }

  @Test
  void unknownUserIsRejected() {
    assertThatThrownBy(
            () ->
                participant.deduct(
                    newLra(), "nobody", new DeductPointsRequest(newOrderId(), 1L), null))
        .isInstanceOfSatisfying(
            BusinessRejection.class,
            rejection -> assertThat(rejection.reason()).isEqualTo(RejectionReason.UNKNOWN_USER));
  }

  @Test
  void injectedFailureInsideTheTransactionRollsBack() {
    String lra = newLra();

    assertThatThrownBy(
            () ->
                participant.deduct(
                    lra, ALICE, new DeductPointsRequest(newOrderId(), 300L), "point-deduct"))
        .isInstanceOf(SimulatedFailure.class);

    assertThat(balance()).isEqualTo(START_BALANCE);
    assertThat(movements(lra)).isEmpty();
    assertThat(ledgerState(lra)).isNull();
  }

  @Test
  void injectedFailureAfterCommitLeavesTheDeductionForCompensationToUndo() {
    String lra = newLra();

    assertThatThrownBy(
            () ->
                participant.deduct(
                    lra,
                    ALICE,
                    new DeductPointsRequest(newOrderId(), 300L),
                    "order-create, point-deduct:after-commit"))
        .isInstanceOf(SimulatedFailure.class);
    assertThat(balance()).isEqualTo(700);

    participant.refund(lra);
    assertThat(balance()).isEqualTo(START_BALANCE);
  }

  @Test
  void failuresForOtherStepsAreIgnored() {
    participant.deduct(
        newLra(), ALICE, new DeductPointsRequest(newOrderId(), 300L), "stock-deduct,payment-save");

    assertThat(balance()).isEqualTo(700);
  }

  private long balance() {
    return jdbc.queryForObject(
        "SELECT balance FROM point_account WHERE user_id = ?", Long.class, ALICE);
  }

  private java.util.List<String> movements(String lra) {
    return jdbc.queryForList(
        "SELECT kind FROM point_movement WHERE lra_id = ? ORDER BY id", String.class, lra);
  }

  private String ledgerState(String lra) {
    return jdbc
        .queryForList(
            "SELECT state FROM participant_ledger WHERE lra_id = ? AND step = 'point-deduct'",
            String.class,
            lra)
        .stream()
        .findFirst()
        .orElse(null);
  }
}
