package com.example.ordersaga.payment.api;

import static com.example.ordersaga.payment.PaymentEndpoints.asJson;
import static com.example.ordersaga.payment.PaymentFixtures.PAYMENT_LIMIT;
import static com.example.ordersaga.payment.PaymentFixtures.aliceByCard;
import static com.example.ordersaga.payment.PaymentFixtures.anLra;
import static org.assertj.core.api.Assertions.assertThat;

import com.example.ordersaga.payment.PaymentEndpoints;
import com.example.ordersaga.payment.PaymentEndpoints.Answer;
import com.example.ordersaga.payment.PaymentServiceOnH2;
import com.example.ordersaga.payment.domain.Payment;
import com.example.ordersaga.payment.domain.PaymentStatus;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The HTTP contract of the endpoints that never reach the coordinator: its LRA URL points where
 * nothing listens, so a save that got as far as joining would fail with 500, not 400.
 */
@PaymentServiceOnH2
class PaymentApiTest {

  @LocalServerPort int port;
  @Autowired PaymentParticipant participant;

  private PaymentEndpoints api;
  private final PaymentRequest aliceOrder = aliceByCard(2000, 500);

  @BeforeEach
  void connect() {
    api = new PaymentEndpoints("http://localhost:" + port);
  }

  @Test
  void validationApprovesAValidRequest() throws Exception {
    Answer answer = api.validate(anLra(), aliceOrder);

    assertThat(answer.status()).isEqualTo(200);
    assertThat(answer.body().path("orderId").asText()).isEqualTo(aliceOrder.orderId());
    assertThat(answer.body().path("approved").asBoolean()).isTrue();
  }

  @Test
  void declinedValidationIs409WithReasonAndStep() throws Exception {
    Answer answer = api.validate(anLra(), aliceByCard(PAYMENT_LIMIT + 1, 0));

    assertThat(answer.status()).isEqualTo(409);
    assertThat(answer.body().path("error").asText()).isEqualTo("REJECTED");
    assertThat(answer.body().path("reason").asText()).isEqualTo("PAYMENT_DECLINED");
    assertThat(answer.body().path("step").asText()).isEqualTo("payment-validate");
    assertThat(answer.body().path("message").asText()).contains("per-payment limit");
  }

  @Test
  void aMissingAmountIs400NamingTheField() throws Exception {
    ObjectNode withoutTotal = asJson(aliceOrder);
    withoutTotal.remove("totalAmount");

    Answer answer = api.validate(anLra(), withoutTotal);

    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.body().path("error").asText()).isEqualTo("VALIDATION_FAILED");
    assertThat(answer.violatedFields()).containsExactly("totalAmount");
  }

  @Test
  void anUnknownPaymentMethodIs400() throws Exception {
    ObjectNode paidInCash = asJson(aliceOrder).put("paymentMethod", "CASH");

    Answer answer = api.validate(anLra(), paidInCash);

    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.body().path("error").asText()).isEqualTo("VALIDATION_FAILED");
    assertThat(answer.violatedFields()).containsExactly("paymentMethod");
  }

  @Test
  void anInvalidSaveIs400BeforeJoiningTheLra() throws Exception {
    ObjectNode negativePayment = asJson(aliceOrder).put("paidAmount", -1);

    Answer answer = api.save(anLra(), negativePayment);

    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.violatedFields()).containsExactly("paidAmount");
    assertThat(api.list(aliceOrder.orderId()).body()).isEmpty();
  }

  @Test
  void aSaveWithoutLraIs400() throws Exception {
    Answer answer = api.save(null, aliceOrder);

    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.violatedFields()).containsExactly(Exchange.SAGA_LONG_RUNNING_ACTION);
  }

  @Test
  void listingWithABlankOrderIdIs400() throws Exception {
    Answer answer = api.list("");

    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.violatedFields()).containsExactly("orderId");
  }

  @Test
  void listingWithoutOrderIdAnswersEveryPaymentInTheOrderTheyWereSaved() throws Exception {
    String confirmedLra = anLra();
    Payment confirmed = participant.save(confirmedLra, aliceOrder, null);
    participant.confirm(confirmedLra);
    String cancelledLra = anLra();
    PaymentRequest otherOrder = aliceByCard(1000, 0);
    Payment cancelled = participant.save(cancelledLra, otherOrder, null);
    participant.cancel(cancelledLra);

    Answer answer = api.list(null);

    assertThat(answer.status()).isEqualTo(200);
    List<Payment> listed = List.of(answer.bodyAs(Payment[].class));
    assertThat(listed)
        .filteredOn(
            payment ->
                List.of(confirmed.paymentId(), cancelled.paymentId()).contains(payment.paymentId()))
        .containsExactly(
            withStatus(confirmed, PaymentStatus.CONFIRMED),
            withStatus(cancelled, PaymentStatus.CANCELLED));
    assertThat(answer.body().get(0).fieldNames())
        .toIterable()
        .containsExactlyInAnyOrder("paymentId", "orderId", "amount", "status");
    assertThat(api.list(otherOrder.orderId()).bodyAs(Payment[].class))
        .containsExactly(withStatus(cancelled, PaymentStatus.CANCELLED));
  }

  @Test
  void listingAnOrderWithoutPaymentIsAnEmptyArray() throws Exception {
    Answer answer = api.list("order-never-paid");

    assertThat(answer.status()).isEqualTo(200);
    assertThat(answer.body().isArray()).isTrue();
    assertThat(answer.body()).isEmpty();
  }

  @Test
  void listingShowsTheSavedPayment() throws Exception {
    Payment saved = participant.save(anLra(), aliceOrder, null);

    Answer answer = api.list(aliceOrder.orderId());

    assertThat(answer.status()).isEqualTo(200);
    assertThat(answer.body()).hasSize(1);
    assertThat(answer.bodyAs(Payment[].class)).containsExactly(saved);
    assertThat(answer.body().get(0).fieldNames())
        .toIterable()
        .containsExactlyInAnyOrder("paymentId", "orderId", "amount", "status");
  }

  private static Payment withStatus(Payment payment, PaymentStatus status) {
    return new Payment(payment.paymentId(), payment.orderId(), payment.amount(), status);
  }
}
