package com.example.ordersaga.payment.domain;

import static com.example.ordersaga.payment.PaymentFixtures.PAYMENT_LIMIT;
import static com.example.ordersaga.payment.PaymentFixtures.aliceByBankTransfer;
import static com.example.ordersaga.payment.PaymentFixtures.aliceByCard;
import static com.example.ordersaga.payment.PaymentFixtures.aliceDeclaring;
import static com.example.ordersaga.payment.PaymentFixtures.alicePointsOnly;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.example.ordersaga.common.participant.errors.BusinessRejection;
import com.example.ordersaga.common.participant.errors.RejectionReason;
import com.example.ordersaga.payment.api.PaymentRequest;
import org.junit.jupiter.api.Test;

class PaymentRulesTest {

  private final PaymentRules rules = new PaymentRules(PAYMENT_LIMIT);

  @Test
  void acceptsACardPayingWhatThePointsLeave() {
    assertAccepted(rules, aliceByCard(2000, 500));
  }

  @Test
  void acceptsABankTransferWithoutPoints() {
    assertAccepted(rules, aliceByBankTransfer(3000, 0));
  }

  @Test
  void acceptsPointsOnlyCoveringTheWholeTotal() {
    assertAccepted(rules, alicePointsOnly(2000));
  }

  @Test
  void acceptsAPaymentOfExactlyTheLimit() {
    assertAccepted(rules, aliceByCard(PAYMENT_LIMIT + 1000, 1000));
  }

  @Test
  void declinesPointsAndPaymentThatDoNotAddUpToTheTotal() {
    assertDeclined(
        rules,
        aliceDeclaring(PaymentMethod.CARD, 2000, 500, 1000),
        "totalAmount 2000 is not pointsUsed 500 + paidAmount 1000");
  }

  @Test
  void declinesPointsOnlyThatPaysSomething() {
    assertDeclined(
        rules,
        aliceDeclaring(PaymentMethod.POINTS_ONLY, 2000, 500, 1500),
        "POINTS_ONLY pays nothing, but paidAmount is 1500");
  }

  @Test
  void declinesACardPayingNothing() {
    assertDeclined(rules, aliceByCard(2000, 2000), "CARD requires a paidAmount above 0");
  }

  @Test
  void declinesABankTransferPayingNothing() {
    assertDeclined(
        rules, aliceByBankTransfer(2000, 2000), "BANK_TRANSFER requires a paidAmount above 0");
  }

  @Test
  void declinesAPaymentOverTheLimit() {
    assertDeclined(
        rules,
        aliceByCard(PAYMENT_LIMIT + 1, 0),
        "paidAmount 5000001 exceeds the per-payment limit 5000000");
  }

  @Test
  void theLimitIsConfigurable() {
    PaymentRules tight = new PaymentRules(10_000);

    assertAccepted(tight, aliceByCard(10_000, 0));
    assertDeclined(
        tight, aliceByCard(10_001, 0), "paidAmount 10001 exceeds the per-payment limit 10000");
  }

  private static void assertAccepted(PaymentRules rules, PaymentRequest request) {
    assertThatCode(() -> rules.check(request.toTerms())).doesNotThrowAnyException();
  }

  private static void assertDeclined(PaymentRules rules, PaymentRequest request, String message) {
    assertThatThrownBy(() -> rules.check(request.toTerms()))
        .isInstanceOfSatisfying(
            BusinessRejection.class,
            rejection -> {
              assertThat(rejection.reason()).isEqualTo(RejectionReason.PAYMENT_DECLINED);
              assertThat(rejection.getMessage()).isEqualTo(message);
            });
  }
}
