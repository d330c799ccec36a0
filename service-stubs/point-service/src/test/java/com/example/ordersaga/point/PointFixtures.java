package com.example.ordersaga.point;

import java.util.UUID;

/** Named test data for point-service. */
final class PointFixtures {

  static final String ALICE = "alice";
  static final String BOB = "bob";

  private PointFixtures() {}

  /** A fresh LRA id; its coordinator never sees it in tests that call the participant directly. */
  static String newLra() {
    return "http://localhost:1/lra-coordinator/test-" + UUID.randomUUID();
  }

  static String newOrderId() {
    return "order-" + UUID.randomUUID();
  }

  static String h2Url(String name) {
    return "jdbc:h2:mem:"
        + name
        + "-"
        + UUID.randomUUID()
        + ";DB_CLOSE_DELAY=-1;${ordersaga.h2-options}";
  }
}
