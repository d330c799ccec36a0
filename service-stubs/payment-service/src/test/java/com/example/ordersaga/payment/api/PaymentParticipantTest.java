package com.example.ordersaga.payment.api;

import static com.example.ordersaga.payment.PaymentFixtures.PAYMENT_LIMIT;
import static com.example.ordersaga.payment.PaymentFixtures.aliceByCard;
import static com.example.ordersaga.payment.PaymentFixtures.aliceDeclaring;
import static com.example.ordersaga.payment.PaymentFixtures.anLra;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.example.ordersaga.common.participant.errors.BusinessRejection;
import com.example.ordersaga.common.participant.errors.RejectionReason;
import com.example.ordersaga.common.participant.faults.SimulatedFailure;
import com.example.ordersaga.payment.PaymentServiceOnH2;
import com.example.ordersaga.payment.domain.Payment;
import com.example.ordersaga.payment.domain.PaymentApproval;
import com.example.ordersaga.payment.domain.PaymentMethod;
import com.example.ordersaga.payment.domain.PaymentStatus;
import com.example.ordersaga.payment.domain.Payments;
import java.util.List;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;

/** The payment steps against a real database, called as the routes call them. */
@PaymentServiceOnH2
class PaymentParticipantTest {

  @Autowired PaymentParticipant participant;
  @Autowired Payments payments;

  private final String lra = anLra();
  private final PaymentRequest aliceOrder = aliceByCard(2000, 500);

  @Test
  void validationApprovesAndWritesNothing() {
    PaymentApproval approval = participant.validate(aliceOrder, null);

    assertThat(approval).isEqualTo(new PaymentApproval(aliceOrder.orderId(), true));
    assertThat(payments.ofOrder(aliceOrder.orderId())).isEmpty();
  }

  @Test
  void validationDeclinesAPaymentOverTheLimit() {
    assertRejected(
        () -> participant.validate(aliceByCard(PAYMENT_LIMIT + 1, 0), null),
        RejectionReason.PAYMENT_DECLINED);
  }

  @ParameterizedTest
  @ValueSource(strings = {"payment-validate", "payment-validate:after-commit"})
  void validationFailsWhenItsFailureIsSimulated(String simulateFailure) {
    assertThatThrownBy(() -> participant.validate(aliceOrder, simulateFailure))
        .isInstanceOf(SimulatedFailure.class);
  }

  @Test
  void validationIgnoresAFailureSimulatedForAnotherStep() {
    assertThat(participant.validate(aliceOrder, "payment-save").approved()).isTrue();
  }

  @Test
  void saveAppliesOnceAndReplaysTheSamePayment() {
    Payment first = participant.save(lra, aliceOrder, null);
    Payment replay = participant.save(lra, aliceOrder, null);

    assertThat(first.status()).isEqualTo(PaymentStatus.APPROVED);
    assertThat(first.amount()).isEqualTo(1500);
    assertThat(replay).isEqualTo(first);
    assertThat(payments.ofOrder(aliceOrder.orderId())).containsExactly(first);
  }

  @Test
  void saveChecksTheRulesAgainAndDeclinesTheSameWayWhenRepeated() {
    PaymentRequest inconsistent = aliceDeclaring(PaymentMethod.CARD, 2000, 500, 1000);

    assertRejected(
        () -> participant.save(lra, inconsistent, null), RejectionReason.PAYMENT_DECLINED);
    assertRejected(
        () -> participant.save(lra, inconsistent, null), RejectionReason.PAYMENT_DECLINED);
    participant.cancel(lra);

    assertThat(payments.ofOrder(inconsistent.orderId())).isEmpty();
  }

  @Test
  void compensationCancelsThePaymentOnce() {
    participant.save(lra, aliceOrder, null);

    participant.cancel(lra);
    participant.cancel(lra);

    assertThat(statusesOf(aliceOrder)).containsExactly(PaymentStatus.CANCELLED);
  }

  @Test
  void completionConfirmsThePaymentOnce() {
    participant.save(lra, aliceOrder, null);

    participant.confirm(lra);
    participant.confirm(lra);

    assertThat(statusesOf(aliceOrder)).containsExactly(PaymentStatus.CONFIRMED);
  }

  @Test
  void completionAfterCompensationChangesNothing() {
    participant.save(lra, aliceOrder, null);
    participant.cancel(lra);

    participant.confirm(lra);

    assertThat(statusesOf(aliceOrder)).containsExactly(PaymentStatus.CANCELLED);
  }

  @Test
  void compensationAfterCompletionChangesNothing() {
    participant.save(lra, aliceOrder, null);
    participant.confirm(lra);

    participant.cancel(lra);

    assertThat(statusesOf(aliceOrder)).containsExactly(PaymentStatus.CONFIRMED);
  }

  @Test
  void compensationBeforeTheSaveFencesOffTheLateSave() {
    participant.cancel(lra);

    assertRejected(() -> participant.save(lra, aliceOrder, null), RejectionReason.LRA_ENDED);
    assertThat(payments.ofOrder(aliceOrder.orderId())).isEmpty();
  }

  @Test
  void failureInsideTheTransactionLeavesNoPaymentAndARetryApplies() {
    assertThatThrownBy(() -> participant.save(lra, aliceOrder, "payment-save"))
        .isInstanceOf(SimulatedFailure.class);
    assertThat(payments.ofOrder(aliceOrder.orderId())).isEmpty();

    Payment retried = participant.save(lra, aliceOrder, null);

    assertThat(payments.ofOrder(aliceOrder.orderId())).containsExactly(retried);
  }

  @Test
  void failureAfterTheCommitLeavesTheApprovedPaymentForCompensation() {
    assertThatThrownBy(() -> participant.save(lra, aliceOrder, "payment-save:after-commit"))
        .isInstanceOf(SimulatedFailure.class);
    assertThat(statusesOf(aliceOrder)).containsExactly(PaymentStatus.APPROVED);

    participant.cancel(lra);

    assertThat(statusesOf(aliceOrder)).containsExactly(PaymentStatus.CANCELLED);
  }

  private List<PaymentStatus> statusesOf(PaymentRequest request) {
    return payments.ofOrder(request.orderId()).stream().map(Payment::status).toList();
  }

  private static void assertRejected(ThrowingCallable call, RejectionReason reason) {
    assertThatThrownBy(call)
        .isInstanceOfSatisfying(
            BusinessRejection.class, rejection -> assertThat(rejection.reason()).isEqualTo(reason));
  }
}
