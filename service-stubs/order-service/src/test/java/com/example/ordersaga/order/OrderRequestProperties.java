package com.example.ordersaga.order;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.ordersaga.common.json.testing.HostileBodies;
import com.example.ordersaga.common.json.testing.RequestParsing;
import com.example.ordersaga.order.api.CreateOrderRequest;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

/**
 * Whatever bytes reach order-service's request bodies, their reading ends in 200, 400 or 415 (see
 * {@link RequestParsing}), never an exception that would be answered 500.
 */
class OrderRequestProperties {

  private final RequestParsing parsing = new RequestParsing();

  @Property(tries = 1500, seed = HostileBodies.SEED)
  void everyCreateOrderBodyIsAnswered(
      @ForAll("contentTypes") String contentType, @ForAll("createOrderBodies") byte[] body)
      throws Exception {
    assertAnswered(contentType, body, CreateOrderRequest.class);
  }

  @Provide
  Arbitrary<byte[]> createOrderBodies() {
    return HostileBodies.around(
        "{\"orderId\":\"order-1\",\"userId\":\"@@\",\"items\":[{\"productId\":\"product-1\","
            + "\"quantity\":1,\"unitPrice\":1000}],\"totalAmount\":1000,\"pointsUsed\":0,"
            + "\"paidAmount\":1000,\"paymentMethod\":\"CARD\"}",
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
