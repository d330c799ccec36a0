package com.example.ordersaga.order;

import static com.example.ordersaga.order.OrderFixtures.aFreshLra;
import static com.example.ordersaga.order.OrderFixtures.aliceBuysTwoWidgetsAndAGadget;
import static org.assertj.core.api.Assertions.assertThat;

import com.example.ordersaga.order.api.CreateOrderRequest;
import com.example.ordersaga.order.api.OrderParticipant;
import com.example.ordersaga.order.domain.OrderStatus;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.TestPropertySource;

/** Profile prod turns fault injection off: the failure header is ignored. */
@OrderServiceOnH2
@ActiveProfiles("prod")
@TestPropertySource(
    properties = {
      "SAGA_CALLBACK_SECRET=a-production-grade-secret",
      "LRA_COORDINATOR_TOKEN=a-production-grade-token",
      "HAWTIO_PASSWORD=a-production-grade-console-password"
    })
class OrderProdProfileTest {

  @Autowired OrderParticipant participant;

  @Test
  void theFailureHeaderIsIgnored() {
    String lra = aFreshLra();
    CreateOrderRequest request = aliceBuysTwoWidgetsAndAGadget();

    assertThat(participant.create(lra, request, "order-create,order-create:after-commit").status())
        .isEqualTo(OrderStatus.PENDING);
    assertThat(participant.markReady(lra, request.orderId(), "order-complete").status())
        .isEqualTo(OrderStatus.CONFIRMING);
  }
}
