package com.example.ordersaga.payment;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.ordersaga.common.json.testing.HostileBodies;
import com.example.ordersaga.common.json.testing.RequestParsing;
import com.example.ordersaga.payment.api.PaymentRequest;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

/**
 * Whatever bytes reach payment-service's request bodies, their reading ends in 200, 400 or 415 (see
 * {@link RequestParsing}), never an exception that would be answered 500.
 */
class PaymentRequestProperties {

  private final RequestParsing parsing = new RequestParsing();

  @Property(tries = 1500, seed = HostileBodies.SEED)
  void everyPaymentBodyIsAnswered(
      @ForAll("contentTypes") String contentType, @ForAll("paymentBodies") byte[] body)
      throws Exception {
    assertAnswered(contentType, body, PaymentRequest.class);
  }

  @Provide
  Arbitrary<byte[]> paymentBodies() {
    return HostileBodies.around(
        "{\"orderId\":\"order-1\",\"userId\":\"@@\",\"paymentMethod\":\"CARD\",\"totalAmount\":1000,"
            + "\"pointsUsed\":0,\"paidAmount\":1000}",
        "user-1");
  }

  @Provide
  Arbitrary<String> contentTypes() {
    return HostileBodies.jsonContentTypes();
  }

  private void assertAnswered(String contentType, byte[] body, Class<?> type) throws Exception {
    int status = parsing.status(contentType, body, type);

    Statistics.collect(status);
    assertThat(status).isIn(200, 400, 415);
  }
}
