package com.example.ordersaga.product;

import static com.example.ordersaga.product.StockFixtures.newLra;
import static com.example.ordersaga.product.StockFixtures.orderOf;
import static com.example.ordersaga.product.StockFixtures.units;
import static org.assertj.core.api.Assertions.assertThat;

import com.example.ordersaga.product.api.StockParticipant;
import com.example.ordersaga.product.domain.ProductStock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.TestPropertySource;

/** What profile {@code prod} switches off: fault injection and the admin endpoints. */
@ProductServiceOnH2
@ActiveProfiles("prod")
@TestPropertySource(
    properties = {
      "SAGA_CALLBACK_SECRET=a-production-grade-secret",
      "LRA_COORDINATOR_TOKEN=a-production-grade-token",
      "HAWTIO_PASSWORD=a-production-grade-console-password",
      ProductServiceOnH2.SERVLET_NAME + "prod-profile"
    })
class ProductProdProfileTest {

  private static final long IN_STOCK = 10;
  private static final int TAKEN = 3;

  @Autowired StockParticipant participant;
  @Autowired ProductStock stock;
  @Autowired JdbcTemplate jdbc;
  @Autowired TestRestTemplate http;
  private StockFixtures products;

  @BeforeEach
  void fixtures() {
    products = new StockFixtures(stock, jdbc);
  }

  @Test
  void simulateFailureHeaderIsIgnoredInsideTheTransaction() {
    String product = products.productWithStock(IN_STOCK);

    participant.deduct(newLra(), orderOf(units(TAKEN, product)), StockParticipant.STEP);

    assertThat(products.stockOf(product)).isEqualTo(IN_STOCK - TAKEN);
  }

  @Test
  void simulateFailureHeaderIsIgnoredAfterTheCommit() {
    String product = products.productWithStock(IN_STOCK);

    participant.deduct(
        newLra(), orderOf(units(TAKEN, product)), StockParticipant.STEP + ":after-commit");

    assertThat(products.stockOf(product)).isEqualTo(IN_STOCK - TAKEN);
  }

  @Test
  void adminEndpointIsNotServed() {
    String product = products.productWithStock(IN_STOCK);
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);

    var response =
        http.exchange(
            "/admin/products/{productId}",
            HttpMethod.PUT,
            new HttpEntity<>("{\"name\":\"Reset\",\"price\":0,\"stock\":0}", headers),
            String.class,
            product);

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(products.stockOf(product)).isEqualTo(IN_STOCK);
  }
}
