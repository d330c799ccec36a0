package com.example.ordersaga.product;

import static com.example.ordersaga.product.StockFixtures.RESTORE;
import static com.example.ordersaga.product.StockFixtures.newLra;
import static com.example.ordersaga.product.StockFixtures.orderOf;
import static com.example.ordersaga.product.StockFixtures.units;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.example.ordersaga.common.participant.callback.CallbackTokens;
import com.example.ordersaga.common.participant.testing.ParticipantIT;
import com.example.ordersaga.product.api.DeductStockRequest;
import com.example.ordersaga.product.api.StockParticipant;
import com.example.ordersaga.product.domain.ProductStock;
import java.net.URI;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.skyscreamer.jsonassert.JSONAssert;
import org.skyscreamer.jsonassert.JSONCompareMode;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;

/**
 * product-service as a saga participant of a real Narayana LRA coordinator: the test plays the
 * orchestrator (starts the LRA, calls the step over HTTP, closes or cancels), the coordinator calls
 * the service back.
 */
@SpringBootTest(
    webEnvironment = WebEnvironment.DEFINED_PORT,
    properties =
        "spring.datasource.url=jdbc:h2:mem:product-service-it;DB_CLOSE_DELAY=-1;"
            + "${ordersaga.h2-options}")
@DirtiesContext
class ProductSagaIT extends ParticipantIT {

  private static final long NO_TIME_LIMIT = 0;
  private static final long IN_STOCK = 10;
  private static final int TAKEN = 3;

  /** Camel's callback parameter naming the compensation endpoint (what a real callback carries). */
  private static final String COMPENSATION_PARAMETER = "Camel-Saga-Compensate";

  private static final String COMPENSATION_ENDPOINT = "direct://stock-restore";

  /** stock-deduct has no domain completion: common registers its ledger-closing endpoint. */
  private static final String COMPLETION_ENDPOINT = "direct://stock-deduct-closed";

  private static final CallbackTokens.Endpoints ENDPOINTS =
      new CallbackTokens.Endpoints(COMPENSATION_ENDPOINT, COMPLETION_ENDPOINT);
  private static final String FORGED_TOKEN = "forged-token";

  @Autowired TestRestTemplate http;
  @Autowired CallbackTokens tokens;
  @Autowired ProductStock stock;
  @Autowired JdbcTemplate jdbc;
  private StockFixtures products;

  @BeforeEach
  void fixtures() {
    products = new StockFixtures(stock, jdbc);
  }

  @Test
  void cancelledSagaGetsItsStockBack() throws Exception {
    String product = products.productWithStock(IN_STOCK);
    URI lra = lras.start(NO_TIME_LIMIT);
    DeductStockRequest order = orderOf(units(TAKEN, product));

    ResponseEntity<String> answer = deduct(lra, order);

    assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.OK);
    JSONAssert.assertEquals(
        String.format(
            "{\"orderId\":\"%s\",\"items\":[{\"productId\":\"%s\",\"quantity\":%d,\"stock\":%d}]}",
            order.orderId(), product, TAKEN, IN_STOCK - TAKEN),
        answer.getBody(),
        JSONCompareMode.STRICT);
    assertThat(products.stockOf(product)).isEqualTo(IN_STOCK - TAKEN);

    lras.cancel(lra);

    await()
        .atMost(CALLBACK_WAIT)
        .untilAsserted(() -> assertThat(products.stockOf(product)).isEqualTo(IN_STOCK));
    await().atMost(CALLBACK_WAIT).until(() -> lras.status(lra) == null);
    assertThat(products.movements(product, RESTORE)).isEqualTo(1);
  }

  @Test
  void closedSagaKeepsItsStockDeducted() throws Exception {
    String product = products.productWithStock(IN_STOCK);
    URI lra = lras.start(NO_TIME_LIMIT);
    assertThat(deduct(lra, orderOf(units(TAKEN, product))).getStatusCode())
        .isEqualTo(HttpStatus.OK);

    lras.close(lra);

    await().atMost(CALLBACK_WAIT).until(() -> lras.status(lra) == null);
    assertThat(products.stockOf(product)).isEqualTo(IN_STOCK - TAKEN);
    assertThat(products.movements(product, RESTORE)).isZero();
  }

  @Test
  void forgedCompensationCallbacksAreRefusedAndChangeNothing() throws Exception {
    String product = products.productWithStock(IN_STOCK);
    URI lra = lras.start(NO_TIME_LIMIT);
    assertThat(deduct(lra, orderOf(units(TAKEN, product))).getStatusCode())
        .isEqualTo(HttpStatus.OK);

    assertThat(compensateCallback(lra, null)).isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(compensateCallback(lra, FORGED_TOKEN)).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(compensateCallback(lra, tokens.sign(newLra(), StockParticipant.STEP, ENDPOINTS)))
        .isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(products.stockOf(product)).isEqualTo(IN_STOCK - TAKEN);
    assertThat(products.movements(product, RESTORE)).isZero();

    // The same call signed for this LRA and step gets through: only the token was wrong above.
    assertThat(
            compensateCallback(lra, tokens.sign(lra.toString(), StockParticipant.STEP, ENDPOINTS)))
        .matches(HttpStatus::is2xxSuccessful);
    assertThat(products.stockOf(product)).isEqualTo(IN_STOCK);
    // The coordinator's own compensation then finds nothing left to give back.
    lras.cancel(lra);
    await().atMost(CALLBACK_WAIT).until(() -> lras.status(lra) == null);
    assertThat(products.stockOf(product)).isEqualTo(IN_STOCK);
    assertThat(products.movements(product, RESTORE)).isEqualTo(1);
  }

  private ResponseEntity<String> deduct(URI lra, DeductStockRequest order) {
    HttpHeaders headers = new HttpHeaders();
    headers.set(Exchange.SAGA_LONG_RUNNING_ACTION, lra.toString());
    return http.postForEntity("/stock/deductions", new HttpEntity<>(order, headers), String.class);
  }

  /** A compensation callback as the coordinator would send it, with the token given (or none). */
  private HttpStatus compensateCallback(URI lra, String token) {
    HttpHeaders headers = new HttpHeaders();
    headers.set(Exchange.SAGA_LONG_RUNNING_ACTION, lra.toString());
    String url =
        "/lra-participant/compensate?"
            + COMPENSATION_PARAMETER
            + "={endpoint}&Camel-Saga-Complete="
            + COMPLETION_ENDPOINT
            + "&step={step}"
            + (token == null ? "" : "&token={token}");
    return HttpStatus.valueOf(
        http.exchange(
                url,
                HttpMethod.PUT,
                new HttpEntity<>(headers),
                String.class,
                COMPENSATION_ENDPOINT,
                StockParticipant.STEP,
                token)
            .getStatusCode()
            .value());
  }
}
