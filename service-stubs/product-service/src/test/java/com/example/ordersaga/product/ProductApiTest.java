package com.example.ordersaga.product;

import static com.example.ordersaga.product.StockFixtures.DEDUCT;
import static com.example.ordersaga.product.StockFixtures.RESTORE;
import static com.example.ordersaga.product.StockFixtures.SORTS_FIRST;
import static com.example.ordersaga.product.StockFixtures.SORTS_LAST;
import static com.example.ordersaga.product.StockFixtures.newLra;
import static com.example.ordersaga.product.StockFixtures.orderOf;
import static com.example.ordersaga.product.StockFixtures.units;
import static com.example.ordersaga.product.StockFixtures.unknownProduct;
import static org.assertj.core.api.Assertions.assertThat;

import com.example.ordersaga.product.api.DeductStockRequest;
import com.example.ordersaga.product.api.StockParticipant;
import com.example.ordersaga.product.domain.ProductStock;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.List;
import java.util.stream.StreamSupport;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.skyscreamer.jsonassert.JSONAssert;
import org.skyscreamer.jsonassert.JSONCompareMode;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/** The HTTP contract of product-service, up to (not including) the saga join. */
@ProductServiceOnH2
class ProductApiTest {

  private static final String SEEDED_PRODUCT = "product-3";
  private static final String SEEDED_PRODUCT_JSON =
      """
      {"productId":"product-3","name":"Product 3","price":3000,"stock":1000}""";
  private static final long IN_STOCK = 10;
  private static final int TAKEN = 3;
  private static final String LAMP = "{\"name\":\"Lamp\",\"price\":2500,\"stock\":7}";
  private static final String LAMP_SOLD_OUT = "{\"name\":\"Desk lamp\",\"price\":0,\"stock\":0}";

  @Autowired TestRestTemplate http;
  @Autowired ProductStock stock;
  @Autowired JdbcTemplate jdbc;
  @Autowired StockParticipant participant;
  @Autowired ObjectMapper json;
  private StockFixtures products;

  @BeforeEach
  void fixtures() {
    products = new StockFixtures(stock, jdbc);
  }

  @Test
  void seededProductIsServedWithItsPriceAndStock() throws Exception {
    ResponseEntity<String> response = getProduct(SEEDED_PRODUCT);

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
    JSONAssert.assertEquals(SEEDED_PRODUCT_JSON, response.getBody(), JSONCompareMode.STRICT);
  }

  @Test
  void unknownProductIsNotFound() throws Exception {
    ResponseEntity<String> response = getProduct(unknownProduct("product"));

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    JSONAssert.assertEquals(
        """
        {"error":"NOT_FOUND"}""",
        response.getBody(),
        JSONCompareMode.LENIENT);
  }

  @Test
  void everyProductIsListedByIdAsItIsServedAlone() throws Exception {
    String product = products.productWithStock(IN_STOCK);

    JsonNode listed = getArray("/products");

    List<String> ids = listed.findValuesAsText("productId");
    assertThat(ids).contains(SEEDED_PRODUCT, product).doesNotHaveDuplicates().isSorted();
    for (String productId : List.of(SEEDED_PRODUCT, product)) {
      JSONAssert.assertEquals(
          getProduct(productId).getBody(),
          json.writeValueAsString(listed.get(ids.indexOf(productId))),
          JSONCompareMode.STRICT);
    }
  }

  @Test
  void theLedgerListsADeductionAndTheRestoreThatCompensatedIt() throws Exception {
    String first = products.productWithStock(SORTS_FIRST, IN_STOCK);
    String last = products.productWithStock(SORTS_LAST, IN_STOCK);
    String lra = newLra();
    DeductStockRequest order = orderOf(units(TAKEN, last), units(1, first));
    participant.deduct(lra, order, null);
    participant.restore(lra);

    List<JsonNode> ofOrder =
        StreamSupport.stream(getArray("/movements").spliterator(), false)
            .filter(movement -> movement.path("orderId").asText().equals(order.orderId()))
            .toList();

    assertThat(ofOrder)
        .extracting(
            movement ->
                movement.path("kind").asText()
                    + " "
                    + movement.path("quantity").asLong()
                    + " "
                    + movement.path("productId").asText())
        .containsExactly(
            DEDUCT + " 1 " + first,
            DEDUCT + " " + TAKEN + " " + last,
            RESTORE + " 1 " + first,
            RESTORE + " " + TAKEN + " " + last);
    assertThat(ofOrder)
        .allSatisfy(
            movement -> {
              assertThat(movement.fieldNames())
                  .toIterable()
                  .containsExactly("orderId", "productId", "kind", "quantity", "lraId", "at");
              assertThat(movement.path("lraId").asText()).isEqualTo(lra);
              assertThat(Instant.parse(movement.path("at").asText()))
                  .isBeforeOrEqualTo(Instant.now());
            });
    assertThat(products.stockOf(first)).isEqualTo(IN_STOCK);
    assertThat(products.stockOf(last)).isEqualTo(IN_STOCK);
  }

  @Test
  void deductionWithoutAnLraIsRefused() throws Exception {
    String product = products.productWithStock(IN_STOCK);

    ResponseEntity<String> response = deduct(null, orderOf(units(TAKEN, product)));

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    JSONAssert.assertEquals(
        """
        {"error":"VALIDATION_FAILED","violations":[{"field":"Long-Running-Action"}]}""",
        response.getBody(),
        JSONCompareMode.LENIENT);
    assertThat(products.stockOf(product)).isEqualTo(IN_STOCK);
  }

  /** A join would fail here (no coordinator listens): a 400 shows validation runs before it. */
  @Test
  void invalidOrderIsRefusedFieldByFieldBeforeJoiningTheSaga() throws Exception {
    ResponseEntity<String> response =
        deduct(
            newLra(),
            """
            {"orderId":" ","items":[{"productId":"product-1","quantity":0},
                                    {"productId":"","quantity":1001}]}""");

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    JSONAssert.assertEquals(
        """
        {"error":"VALIDATION_FAILED","violations":[
          {"field":"items[0].quantity"},{"field":"items[1].productId"},
          {"field":"items[1].quantity"},{"field":"orderId"}]}""",
        response.getBody(),
        JSONCompareMode.STRICT_ORDER);
  }

  @Test
  void orderWithoutItemsIsRefused() throws Exception {
    ResponseEntity<String> response =
        deduct(
            newLra(),
            """
            {"orderId":"order-1","items":[]}""");

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    JSONAssert.assertEquals(
        """
        {"violations":[{"field":"items"}]}""",
        response.getBody(),
        JSONCompareMode.LENIENT);
  }

  @Test
  void malformedJsonIsRefused() throws Exception {
    ResponseEntity<String> response = deduct(newLra(), "{\"orderId\":");

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    JSONAssert.assertEquals(
        """
        {"error":"VALIDATION_FAILED"}""",
        response.getBody(),
        JSONCompareMode.LENIENT);
  }

  @Test
  void adminCreatesAProductAndResetsIt() throws Exception {
    String productId = unknownProduct("admin");

    ResponseEntity<String> created = setProduct(productId, LAMP);
    ResponseEntity<String> reset = setProduct(productId, LAMP_SOLD_OUT);

    assertThat(created.getStatusCode()).isEqualTo(HttpStatus.OK);
    JSONAssert.assertEquals(
        LAMP.replace("{", "{\"productId\":\"" + productId + "\","),
        created.getBody(),
        JSONCompareMode.STRICT);
    assertThat(reset.getStatusCode()).isEqualTo(HttpStatus.OK);
    JSONAssert.assertEquals(
        LAMP_SOLD_OUT.replace("{", "{\"productId\":\"" + productId + "\","),
        getProduct(productId).getBody(),
        JSONCompareMode.STRICT);
  }

  @Test
  void adminRefusesNegativeValuesAndChangesNothing() throws Exception {
    String product = products.productWithStock(IN_STOCK);

    ResponseEntity<String> response =
        setProduct(
            product,
            """
            {"name":"Lamp","price":-1,"stock":-1}""");

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    JSONAssert.assertEquals(
        """
        {"violations":[{"field":"price"},{"field":"stock"}]}""",
        response.getBody(),
        JSONCompareMode.LENIENT);
    assertThat(products.stockOf(product)).isEqualTo(IN_STOCK);
  }

  private JsonNode getArray(String path) throws Exception {
    ResponseEntity<String> response = http.getForEntity(path, String.class);
    assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(HttpStatus.OK);
    JsonNode body = json.readTree(response.getBody());
    assertThat(body.isArray()).as(response.getBody()).isTrue();
    return body;
  }

  private ResponseEntity<String> getProduct(String productId) {
    return http.getForEntity("/products/{productId}", String.class, productId);
  }

  /** Posts a request object (as JSON) or a raw JSON string, with the LRA header if given. */
  private ResponseEntity<String> deduct(String lra, Object body) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    if (lra != null) {
      headers.set(Exchange.SAGA_LONG_RUNNING_ACTION, lra);
    }
    return http.postForEntity("/stock/deductions", new HttpEntity<>(body, headers), String.class);
  }

  private ResponseEntity<String> setProduct(String productId, String json) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    return http.exchange(
        "/admin/products/{productId}",
        HttpMethod.PUT,
        new HttpEntity<>(json, headers),
        String.class,
        productId);
  }
}
