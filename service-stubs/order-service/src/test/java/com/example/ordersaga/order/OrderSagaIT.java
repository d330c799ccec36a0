package com.example.ordersaga.order;

import static com.example.ordersaga.order.OrderFixtures.aliceBuysTwoWidgetsAndAGadget;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.example.ordersaga.common.participant.callback.CallbackTokens;
import com.example.ordersaga.common.participant.testing.ParticipantIT;
import com.example.ordersaga.order.api.OrderParticipant;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.annotation.DirtiesContext;

/**
 * order-service against the real Narayana coordinator (a child process): the order joins the LRA
 * the test started, and the coordinator's own callbacks cancel or complete it. Forged callbacks
 * change nothing. No LRA is left active after any test.
 */
@SpringBootTest(
    webEnvironment = WebEnvironment.DEFINED_PORT,
    properties = {TestProperties.IN_MEMORY_DATABASE, TestProperties.NO_KAFKA})
@DirtiesContext
class OrderSagaIT extends ParticipantIT {

  /** The endpoints order-create registers; a genuine callback URL names both. */
  private static final CallbackTokens.Endpoints CREATE_ENDPOINTS =
      new CallbackTokens.Endpoints("direct://order-cancel", "direct://order-finish");

  private static final String CREATE_ENDPOINTS_QUERY =
      "?Camel-Saga-Compensate=direct://order-cancel&Camel-Saga-Complete=direct://order-finish";

  private static final String COMPENSATE_CALLBACK = "/lra-participant/compensate";

  @Autowired TestRestTemplate http;
  @Autowired CallbackTokens tokens;
  @Autowired ObjectMapper json;

  @Test
  void aCancelledLraCancelsTheOrder() throws Exception {
    URI lra = lras.start(0);
    String orderId = placeOrderIn(lra);

    lras.cancel(lra);

    await().atMost(CALLBACK_WAIT).until(() -> statusOf(orderId).equals("CANCELLED"));
    ResponseEntity<String> lateCompletion = putCompletion(orderId, lra);
    assertThat(lateCompletion.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
    assertThat(json.readTree(lateCompletion.getBody()).path("reason").asText())
        .isEqualTo("LRA_ENDED");
  }

  @Test
  void aClosedLraCompletesTheOrder() throws Exception {
    URI lra = lras.start(0);
    String orderId = placeOrderIn(lra);
    assertThat(putCompletion(orderId, lra).getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(statusOf(orderId)).isEqualTo("CONFIRMING");

    lras.close(lra);

    await().atMost(CALLBACK_WAIT).until(() -> statusOf(orderId).equals("COMPLETED"));
  }

  @Test
  void forgedCallbacksChangeNothing() throws Exception {
    URI lra = lras.start(0);
    URI anotherLra = lras.start(0);
    String orderId = placeOrderIn(lra);
    String step = OrderParticipant.CREATE_STEP;

    assertThat(forgedCompensation(lra, CREATE_ENDPOINTS_QUERY + "&step=" + step).getStatusCode())
        .isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(
            forgedCompensation(lra, CREATE_ENDPOINTS_QUERY + "&step=" + step + "&token=forged")
                .getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
    String tokenOfAnotherLra = tokens.sign(anotherLra.toString(), step, CREATE_ENDPOINTS);
    assertThat(
            forgedCompensation(
                    lra, CREATE_ENDPOINTS_QUERY + "&step=" + step + "&token=" + tokenOfAnotherLra)
                .getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
    String tokenOfAnotherStep = tokens.sign(lra.toString(), "point-deduct", CREATE_ENDPOINTS);
    assertThat(
            forgedCompensation(
                    lra, CREATE_ENDPOINTS_QUERY + "&step=" + step + "&token=" + tokenOfAnotherStep)
                .getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);

    assertThat(statusOf(orderId)).isEqualTo("PENDING");
    lras.close(lra);
    lras.close(anotherLra);
    await().atMost(CALLBACK_WAIT).until(() -> statusOf(orderId).equals("COMPLETED"));
  }

  private String placeOrderIn(URI lra) throws IOException {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    headers.set(Exchange.SAGA_LONG_RUNNING_ACTION, lra.toString());
    ResponseEntity<String> response =
        http.postForEntity(
            "/orders",
            new HttpEntity<>(json.writeValueAsString(aliceBuysTwoWidgetsAndAGadget()), headers),
            String.class);
    assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(HttpStatus.CREATED);
    JsonNode order = json.readTree(response.getBody());
    assertThat(order.path("status").asText()).isEqualTo("PENDING");
    assertThat(order.path("lraId").asText()).isEqualTo(lra.toString());
    return order.path("orderId").asText();
  }

  private String statusOf(String orderId) throws IOException {
    ResponseEntity<String> response = http.getForEntity("/orders/" + orderId, String.class);
    assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(HttpStatus.OK);
    return json.readTree(response.getBody()).path("status").asText();
  }

  private ResponseEntity<String> putCompletion(String orderId, URI lra) {
    HttpHeaders headers = new HttpHeaders();
    headers.set(Exchange.SAGA_LONG_RUNNING_ACTION, lra.toString());
    return http.exchange(
        "/orders/" + orderId + "/completion",
        HttpMethod.PUT,
        new HttpEntity<>(headers),
        String.class);
  }

  /** A compensation callback as an attacker could send it: right LRA, made-up query. */
  private ResponseEntity<String> forgedCompensation(URI lra, String query) {
    HttpHeaders headers = new HttpHeaders();
    headers.set(Exchange.SAGA_LONG_RUNNING_ACTION, lra.toString());
    return http.exchange(
        COMPENSATE_CALLBACK + query, HttpMethod.PUT, new HttpEntity<>(headers), String.class);
  }
}
