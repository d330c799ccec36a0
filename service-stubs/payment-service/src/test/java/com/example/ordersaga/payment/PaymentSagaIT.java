package com.example.ordersaga.payment;

import static com.example.ordersaga.payment.PaymentFixtures.aliceByCard;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.example.ordersaga.common.participant.callback.CallbackTokens;
import com.example.ordersaga.common.participant.testing.ParticipantIT;
import com.example.ordersaga.payment.PaymentEndpoints.Answer;
import com.example.ordersaga.payment.api.PaymentParticipant;
import com.example.ordersaga.payment.api.PaymentRequest;
import java.net.URI;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

/**
 * payment-save against the real Narayana coordinator: the service joins the test's LRA, and the
 * coordinator calls the service back on cancel and close, with the token the service registered.
 */
@SpringBootTest(webEnvironment = WebEnvironment.DEFINED_PORT)
class PaymentSagaIT extends ParticipantIT {

  private static final String SAVE_CALLBACK =
      "?Camel-Saga-Compensate=direct://payment-cancel&Camel-Saga-Complete=direct://payment-confirm&step="
          + PaymentParticipant.SAVE_STEP;

  @Autowired CallbackTokens tokens;

  private PaymentEndpoints api;
  private final PaymentRequest aliceOrder = aliceByCard(2000, 500);

  @BeforeEach
  void endpoints() {
    api = new PaymentEndpoints("http://localhost:" + port);
  }

  @Test
  void aCancelledSagaCancelsThePayment() throws Exception {
    URI lra = lras.start(0);
    Answer saved = api.save(lra.toString(), aliceOrder);
    assertThat(saved.status()).isEqualTo(201);
    assertThat(saved.body().path("status").asText()).isEqualTo("APPROVED");
    assertThat(saved.body().path("amount").asLong()).isEqualTo(1500);

    lras.cancel(lra);

    await()
        .atMost(CALLBACK_WAIT)
        .untilAsserted(() -> assertThat(statusesOf(aliceOrder)).containsExactly("CANCELLED"));
  }

  @Test
  void aClosedSagaConfirmsThePayment() throws Exception {
    URI lra = lras.start(0);
    assertThat(api.save(lra.toString(), aliceOrder).status()).isEqualTo(201);

    lras.close(lra);

    await()
        .atMost(CALLBACK_WAIT)
        .untilAsserted(() -> assertThat(statusesOf(aliceOrder)).containsExactly("CONFIRMED"));
  }

  @Test
  void forgedCallbacksAreRefusedAndChangeNothing() throws Exception {
    URI lra = lras.start(0);
    assertThat(api.save(lra.toString(), aliceOrder).status()).isEqualTo(201);
    String anotherLrasToken =
        tokens.sign(
            coordinator.baseUrl() + "/another",
            "payment-save",
            new CallbackTokens.Endpoints("direct://payment-cancel", "direct://payment-confirm"));

    assertThat(api.callback("compensate", lra.toString(), SAVE_CALLBACK).status()).isEqualTo(401);
    assertThat(api.callback("complete", lra.toString(), "").status()).isEqualTo(401);
    assertThat(api.callback("compensate", lra.toString(), SAVE_CALLBACK + "&token=forged").status())
        .isEqualTo(403);
    assertThat(
            api.callback("compensate", lra.toString(), SAVE_CALLBACK + "&token=" + anotherLrasToken)
                .status())
        .isEqualTo(403);
    assertThat(statusesOf(aliceOrder)).containsExactly("APPROVED");

    lras.close(lra);

    await()
        .atMost(CALLBACK_WAIT)
        .untilAsserted(() -> assertThat(statusesOf(aliceOrder)).containsExactly("CONFIRMED"));
  }

  private List<String> statusesOf(PaymentRequest request) throws Exception {
    Answer payments = api.list(request.orderId());
    assertThat(payments.status()).isEqualTo(200);
    return StreamSupport.stream(payments.body().spliterator(), false)
        .map(payment -> payment.path("status").asText())
        .toList();
  }
}
