package com.example.ordersaga.order;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.ordersaga.common.json.testing.RequestParsing;
import com.example.ordersaga.order.api.CreateOrderRequest;
import org.junit.jupiter.api.Test;

/**
 * Whatever bytes reach order-service's request bodies, their reading ends in 200, 400 or 415 (see
 * {@link RequestParsing}), never an exception that would be answered 500.
 */
class OrderRequestProperties {

  private final RequestParsing parsing = new RequestParsing();

  @Test
  void everyCreateOrderBodyIsAnswered() {
    assertThat(
            parsing.assertEveryBodyAnswered(
                "order-service create-order body",
                1500,
                "{\"orderId\":\"order-1\",\"userId\":\"@@\",\"items\":[{\"productId\":\"product-1\","
                    + "\"quantity\":1,\"unitPrice\":1000}],\"totalAmount\":1000,\"pointsUsed\":0,"
                    + "\"paidAmount\":1000,\"paymentMethod\":\"CARD\"}",
                "user-1",
                CreateOrderRequest.class))
        .containsKeys("200", "400");
  }
}
