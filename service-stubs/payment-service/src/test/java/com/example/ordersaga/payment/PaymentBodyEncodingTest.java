package com.example.ordersaga.payment;

import com.example.ordersaga.common.json.testing.BodyEncodingContract;
import java.util.List;

/**
 * payment-validate and payment-save refuse bodies that are not UTF-8 and text UTF-8 cannot carry.
 */
@PaymentServiceOnH2
class PaymentBodyEncodingTest extends BodyEncodingContract {

  @Override
  protected List<Endpoint> endpoints() {
    return List.of(
        new Endpoint(
            "POST",
            "/payments/validations",
            "{\"orderId\":\"order-1\",\"userId\":\"@@\",\"paymentMethod\":\"CARD\",\"totalAmount\":1000,"
                + "\"pointsUsed\":0,\"paidAmount\":1000}",
            "userId"),
        new Endpoint(
            "POST",
            "/payments",
            "{\"orderId\":\"order-1\",\"userId\":\"@@\",\"paymentMethod\":\"CARD\",\"totalAmount\":1000,"
                + "\"pointsUsed\":0,\"paidAmount\":1000}",
            "userId"));
  }

  @Override
  protected List<String> tables() {
    return List.of("payment", "participant_ledger");
  }
}
