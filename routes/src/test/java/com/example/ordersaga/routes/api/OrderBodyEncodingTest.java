package com.example.ordersaga.routes.api;

import static com.example.ordersaga.common.json.testing.RawJson.bytes;
import static com.example.ordersaga.common.json.testing.RawJson.concat;
import static com.example.ordersaga.common.json.testing.RawJson.utf8;
import static org.assertj.core.api.Assertions.assertThat;

import com.example.ordersaga.common.json.testing.HostileTexts;
import com.example.ordersaga.common.json.testing.HostileTexts.Case;
import com.example.ordersaga.common.json.testing.RawJson;
import com.example.ordersaga.routes.OrchestratorOnH2;
import com.example.ordersaga.routes.pricing.OrderPricing;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.camel.Exchange;
import org.apache.camel.saga.CamelSagaCoordinator;
import org.apache.camel.saga.CamelSagaService;
import org.apache.camel.saga.InMemorySagaService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * {@code POST /api/orders} with bytes that are not UTF-8, or escapes of text no UTF-8 carries, in
 * an otherwise valid order: the contract's 400 naming {@code body} or the field, no saga started,
 * no row written. Before, these were answered {@code 503, failedStep lra-coordinator}, and an
 * escaped lone surrogate in the user id started a saga and recorded a cancelled order.
 */
@OrchestratorOnH2
class OrderBodyEncodingTest {

  private static final String ORDER =
      "{\"userId\":\"@@\",\"items\":[{\"productId\":\"product-1\",\"quantity\":1}],"
          + "\"pointsToUse\":0,\"paymentMethod\":\"CARD\"}";
  private static final String ORDER_OF_PRODUCT =
      "{\"userId\":\"user-1\",\"items\":[{\"productId\":\"@@\",\"quantity\":1}],"
          + "\"pointsToUse\":0,\"paymentMethod\":\"CARD\"}";

  @LocalServerPort int port;
  @Autowired JdbcTemplate jdbc;
  private final ObjectMapper json = new ObjectMapper();
  private final HttpClient http = HttpClient.newHttpClient();
  private Map<String, Integer> rowsBefore;

  @TestConfiguration
  static class CountedSagasAndFixedPrices {
    @Bean
    CamelSagaService sagaService() {
      return new CountedSagas();
    }

    @Bean
    @Primary
    OrderPricing fixedPrices() {
      return new OrderPricing(
          (orderId, productIds) ->
              productIds.stream().collect(Collectors.toMap(id -> id, id -> 1_000L)));
    }
  }

  /** The in-memory saga service, counting the sagas it starts. */
  static class CountedSagas extends InMemorySagaService {
    static final AtomicInteger started = new AtomicInteger();

    @Override
    public CompletableFuture<CamelSagaCoordinator> newSaga(Exchange exchange) {
      started.incrementAndGet();
      return super.newSaga(exchange);
    }
  }

  static Stream<Case> hostileOrders() {
    return Stream.concat(
        HostileTexts.in(ORDER, "userId").stream(),
        HostileTexts.in(ORDER_OF_PRODUCT, "items[0].productId").stream());
  }

  @BeforeEach
  void countRows() {
    CountedSagas.started.set(0);
    rowsBefore = rows();
  }

  @ParameterizedTest
  @MethodSource("hostileOrders")
  void isRefusedWith400NamingTheFieldAndStartsNothing(Case hostile) throws Exception {
    HttpResponse<String> answer = post("application/json", hostile.body());

    assertRefused(answer, 400, hostile.field());
  }

  @Test
  void theIssuesOwnExampleIsRefused() throws Exception {
    byte[] body = RawJson.fill("{\"userId\":\"@@\",\"items\":[]}", bytes(0xFF, 0xFE));

    assertRefused(post("application/json", body), 400, "body");
  }

  @Test
  void aLeadingByteOrderMarkIsIgnored() throws Exception {
    byte[] body =
        concat(
            HostileTexts.BOM, utf8("{\"userId\":\"u\",\"items\":[],\"paymentMethod\":\"CARD\"}"));

    assertRefused(post("application/json", body), 400, "items");
  }

  @Test
  void aBodyDeclaredInAnotherCharsetIs415() throws Exception {
    byte[] body = RawJson.fill(ORDER, "jos\u00e9");

    assertRefused(post("application/json; charset=ISO-8859-1", body), 415, "Content-Type");
  }

  private void assertRefused(HttpResponse<String> answer, int status, String field)
      throws Exception {
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(status);
    JsonNode body = json.readTree(answer.body());
    assertThat(body.path("error").asText()).isEqualTo("VALIDATION_FAILED");
    assertThat(body.path("message").asText()).isNotBlank();
    assertThat(body.path("violations").findValuesAsText("field")).containsExactly(field);
    assertThat(CountedSagas.started).as("sagas started").hasValue(0);
    assertThat(rows()).as("rows written").isEqualTo(rowsBefore);
  }

  private HttpResponse<String> post(String contentType, byte[] body) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/orders"))
            .header("Content-Type", contentType)
            .POST(HttpRequest.BodyPublishers.ofByteArray(body))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private Map<String, Integer> rows() {
    return Stream.of("saga_order", "saga_step", "idempotency_key")
        .collect(
            Collectors.toMap(
                table -> table,
                table -> jdbc.queryForObject("SELECT COUNT(*) FROM " + table, Integer.class)));
  }
}
