package com.example.ordersaga.payment.api;

import static com.example.ordersaga.payment.PaymentFixtures.aliceByCard;
import static com.example.ordersaga.payment.PaymentFixtures.anLra;
import static org.assertj.core.api.Assertions.assertThat;

import com.example.ordersaga.common.participant.faults.FaultInjection;
import com.example.ordersaga.payment.PaymentServiceOnH2;
import com.example.ordersaga.payment.domain.Payment;
import com.example.ordersaga.payment.domain.PaymentStatus;
import com.example.ordersaga.payment.domain.Payments;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.TestPropertySource;

/**
 * Profile prod turns fault injection off: the header changes nothing. A second Spring context in
 * this JVM, so its Camel servlet needs a name of its own (camel-servlet keeps names JVM-wide).
 */
@PaymentServiceOnH2
@ActiveProfiles("prod")
@TestPropertySource(
    properties = {
      "SAGA_CALLBACK_SECRET=fault-injection-off-test-secret",
      "LRA_COORDINATOR_TOKEN=a-production-grade-token",
      "HAWTIO_PASSWORD=a-production-grade-console-password",
      "camel.servlet.mapping.servlet-name=CamelServletProdProfile"
    })
class PaymentProdProfileTest {

  private static final String EVERY_PAYMENT_FAILURE =
      "payment-validate,payment-validate:after-commit,payment-save,payment-save:after-commit";

  @Autowired FaultInjection faults;
  @Autowired PaymentParticipant participant;
  @Autowired Payments payments;

  private final PaymentRequest aliceOrder = aliceByCard(2000, 500);

  @Test
  void prodProfileTurnsFaultInjectionOff() {
    assertThat(faults.enabled()).isFalse();
  }

  @Test
  void validationIgnoresTheHeader() {
    assertThat(participant.validate(aliceOrder, EVERY_PAYMENT_FAILURE).approved()).isTrue();
  }

  @Test
  void saveIgnoresTheHeader() {
    Payment saved = participant.save(anLra(), aliceOrder, EVERY_PAYMENT_FAILURE);

    assertThat(saved.status()).isEqualTo(PaymentStatus.APPROVED);
    assertThat(payments.ofOrder(aliceOrder.orderId())).containsExactly(saved);
  }
}
