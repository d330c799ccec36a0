package com.example.ordersaga.payment;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.ordersaga.common.json.testing.RequestParsing;
import com.example.ordersaga.payment.api.PaymentRequest;
import org.junit.jupiter.api.Test;

/**
 * Whatever bytes reach payment-service's request bodies, their reading ends in 200, 400 or 415 (see
 * {@link RequestParsing}), never an exception that would be answered 500.
 */
class PaymentRequestProperties {

  private final RequestParsing parsing = new RequestParsing();

  @Test
  void everyPaymentBodyIsAnswered() {
    assertThat(
            parsing.assertEveryBodyAnswered(
                "payment-service payment body",
                1500,
                "{\"orderId\":\"order-1\",\"userId\":\"@@\",\"paymentMethod\":\"CARD\","
                    + "\"totalAmount\":1000,\"pointsUsed\":0,\"paidAmount\":1000}",
                "user-1",
                PaymentRequest.class))
        .containsKeys("200", "400");
  }
}
