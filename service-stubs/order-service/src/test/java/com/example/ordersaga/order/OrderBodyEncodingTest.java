package com.example.ordersaga.order;

import com.example.ordersaga.common.json.testing.BodyEncodingContract;
import java.util.List;

/**
 * order-create ({@code POST /orders}) refuses bodies that are not UTF-8 and text UTF-8 cannot
 * carry.
 */
@OrderServiceOnH2
class OrderBodyEncodingTest extends BodyEncodingContract {

  @Override
  protected List<Endpoint> endpoints() {
    return List.of(
        new Endpoint(
            "POST",
            "/orders",
            "{\"orderId\":\"order-1\",\"userId\":\"@@\",\"items\":[{\"productId\":\"product-1\","
                + "\"quantity\":1,\"unitPrice\":1000}],\"totalAmount\":1000,\"pointsUsed\":0,"
                + "\"paidAmount\":1000,\"paymentMethod\":\"CARD\"}",
            "userId"));
  }

  @Override
  protected List<String> tables() {
    return List.of("orders", "order_item", "order_outbox", "participant_ledger");
  }
}
