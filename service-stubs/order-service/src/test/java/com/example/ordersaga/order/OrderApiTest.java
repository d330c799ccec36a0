package com.example.ordersaga.order;

import static com.example.ordersaga.order.OrderFixtures.aFreshLra;
import static com.example.ordersaga.order.OrderFixtures.aliceBuysAGadget;
import static com.example.ordersaga.order.OrderFixtures.aliceBuysTwoWidgetsAndAGadget;
import static org.assertj.core.api.Assertions.assertThat;

import com.example.ordersaga.order.api.OrderParticipant;
import com.example.ordersaga.order.domain.Order;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * The HTTP contract of order-service on a random port: error answers, the read side and the local
 * order-complete step. Nothing here reaches a coordinator (invalid input is refused before the
 * join; order-complete does not join).
 */
@OrderServiceOnH2
class OrderApiTest {

  private static final String ORDER_WITH_NO_QUANTITY =
      """
      {"orderId":"order-invalid","userId":"alice",
       "items":[{"productId":"widget","quantity":0,"unitPrice":1000}],
       "totalAmount":0,"pointsUsed":0,"paidAmount":0,"paymentMethod":"CARD"}
      """;

  @Autowired TestRestTemplate http;
  @Autowired OrderParticipant participant;
  @Autowired ObjectMapper json;

  @Test
  void anInvalidOrderIsRefusedWith400NamingTheField() throws Exception {
    ResponseEntity<String> response = post(ORDER_WITH_NO_QUANTITY, aFreshLra());

    assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(HttpStatus.BAD_REQUEST);
    JsonNode body = json.readTree(response.getBody());
    assertThat(body.path("error").asText()).isEqualTo("VALIDATION_FAILED");
    assertThat(body.path("violations")).hasSize(1);
    assertThat(body.path("violations").get(0).path("field").asText())
        .isEqualTo("items[0].quantity");
  }

  @Test
  void anOrderWithoutItsLraIsRefusedWith400() throws Exception {
    ResponseEntity<String> response =
        post(json.writeValueAsString(aliceBuysTwoWidgetsAndAGadget()), null);

    assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(json.readTree(response.getBody()).path("violations").get(0).path("field").asText())
        .isEqualTo(Exchange.SAGA_LONG_RUNNING_ACTION);
  }

  @Test
  void anUnknownPaymentMethodIsRefusedWith400() throws Exception {
    ResponseEntity<String> response =
        post(ORDER_WITH_NO_QUANTITY.replace("\"CARD\"", "\"CASH\""), aFreshLra());

    assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(json.readTree(response.getBody()).path("error").asText())
        .isEqualTo("VALIDATION_FAILED");
  }

  @Test
  void anUnknownOrderIs404() throws Exception {
    ResponseEntity<String> response =
        http.getForEntity("/orders/order-nobody-placed", String.class);

    assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(json.readTree(response.getBody()).path("error").asText()).isEqualTo("NOT_FOUND");
  }

  @Test
  void anOrderReadsWithTheContractsFields() throws Exception {
    String lra = aFreshLra();
    Order placed = participant.create(lra, aliceBuysTwoWidgetsAndAGadget(), null);

    ResponseEntity<String> response =
        http.getForEntity("/orders/" + placed.orderId(), String.class);

    assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(HttpStatus.OK);
    JsonNode body = json.readTree(response.getBody());
    assertThat(body.path("orderId").asText()).isEqualTo(placed.orderId());
    assertThat(body.path("status").asText()).isEqualTo("PENDING");
    assertThat(body.path("lraId").asText()).isEqualTo(lra);
    assertThat(body.path("userId").asText()).isEqualTo(placed.userId());
    assertThat(body.path("items").get(0).path("productId").asText()).isEqualTo("widget");
    assertThat(body.path("items").get(0).path("quantity").asInt()).isEqualTo(2);
    assertThat(body.path("items").get(0).path("unitPrice").asLong()).isEqualTo(1000);
    assertThat(body.path("totalAmount").asLong()).isEqualTo(2500);
    assertThat(body.path("pointsUsed").asLong()).isEqualTo(500);
    assertThat(body.path("paidAmount").asLong()).isEqualTo(2000);
    assertThat(body.path("paymentMethod").asText()).isEqualTo("CARD");
    assertThat(Instant.parse(body.path("createdAt").asText())).isEqualTo(placed.createdAt());
    assertThat(Instant.parse(body.path("updatedAt").asText())).isEqualTo(placed.updatedAt());
  }

  @Test
  void theOrderListAnswersEveryOrderAsItsOwnReadDoes() throws Exception {
    Order twoLines = participant.create(aFreshLra(), aliceBuysTwoWidgetsAndAGadget(), null);
    Order oneLine = participant.create(aFreshLra(), aliceBuysAGadget(), null);

    ResponseEntity<String> response = http.getForEntity("/orders", String.class);

    assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(HttpStatus.OK);
    JsonNode listed = json.readTree(response.getBody());
    assertThat(listed.isArray()).isTrue();
    Map<String, JsonNode> byId = new HashMap<>();
    listed.forEach(order -> byId.put(order.path("orderId").asText(), order));
    assertThat(byId).hasSize(listed.size());
    for (Order placed : new Order[] {twoLines, oneLine}) {
      assertThat(byId.get(placed.orderId()))
          .isEqualTo(
              json.readTree(
                  http.getForEntity("/orders/" + placed.orderId(), String.class).getBody()));
    }
    assertThat(byId.get(twoLines.orderId()).path("items")).hasSize(2);
    assertThat(byId.get(oneLine.orderId()).path("items")).hasSize(1);
  }

  @Test
  void orderCompleteAnswersTheConfirmingOrder() throws Exception {
    String lra = aFreshLra();
    String orderId = participant.create(lra, aliceBuysTwoWidgetsAndAGadget(), null).orderId();

    ResponseEntity<String> response = putCompletion(orderId, lra);

    assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(HttpStatus.OK);
    assertThat(json.readTree(response.getBody()).path("status").asText()).isEqualTo("CONFIRMING");
  }

  @Test
  void orderCompleteOfAnUnknownOrderIs404() {
    assertThat(putCompletion("order-nobody-placed", aFreshLra()).getStatusCode())
        .isEqualTo(HttpStatus.NOT_FOUND);
  }

  @Test
  void orderCompleteAfterCompensationIs409LraEnded() throws Exception {
    String lra = aFreshLra();
    String orderId = participant.create(lra, aliceBuysTwoWidgetsAndAGadget(), null).orderId();
    participant.cancel(lra);

    ResponseEntity<String> response = putCompletion(orderId, lra);

    assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(HttpStatus.CONFLICT);
    JsonNode body = json.readTree(response.getBody());
    assertThat(body.path("reason").asText()).isEqualTo("LRA_ENDED");
    assertThat(body.path("step").asText()).isEqualTo(OrderParticipant.COMPLETE_STEP);
  }

  private ResponseEntity<String> post(String body, String lra) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    if (lra != null) {
      headers.set(Exchange.SAGA_LONG_RUNNING_ACTION, lra);
    }
    return http.postForEntity("/orders", new HttpEntity<>(body, headers), String.class);
  }

  private ResponseEntity<String> putCompletion(String orderId, String lra) {
    HttpHeaders headers = new HttpHeaders();
    headers.set(Exchange.SAGA_LONG_RUNNING_ACTION, lra);
    return http.exchange(
        "/orders/" + orderId + "/completion",
        HttpMethod.PUT,
        new HttpEntity<>(headers),
        String.class);
  }
}
