package com.example.ordersaga.bench.saga;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.ordersaga.bench.load.OrderSpec;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class OrderApiClientTest {

  @Test
  void theBodyIsTheContractsOrderRequest() throws Exception {
    OrderSpec order = new OrderSpec(4, "bench-user-5", "bench-product-5", 2, 100, false);

    JsonNode body = new ObjectMapper().readTree(OrderApiClient.body(order));

    assertThat(body.get("userId").asText()).isEqualTo("bench-user-5");
    assertThat(body.get("items").get(0).get("productId").asText()).isEqualTo("bench-product-5");
    assertThat(body.get("items").get(0).get("quantity").asInt()).isEqualTo(2);
    assertThat(body.get("pointsToUse").asLong()).isEqualTo(100);
    assertThat(body.get("paymentMethod").asText()).isEqualTo("CARD");
  }

  @Test
  void outcomesNameTheStatusAndTheContractsReason() {
    assertThat(OrderApiClient.outcome(201, "{\"orderId\":\"o\",\"status\":\"COMPLETED\"}"))
        .isEqualTo("201 COMPLETED");
    assertThat(
            OrderApiClient.outcome(
                409, "{\"status\":\"CANCELLED\",\"reason\":\"INSUFFICIENT_POINTS\"}"))
        .isEqualTo("409 INSUFFICIENT_POINTS");
    assertThat(OrderApiClient.outcome(400, "{\"error\":\"VALIDATION_FAILED\"}"))
        .isEqualTo("400 VALIDATION_FAILED");
    assertThat(OrderApiClient.outcome(502, "<html>bad gateway</html>")).isEqualTo("502 -");
  }
}
