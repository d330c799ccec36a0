package com.example.ordersaga.payment;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.stream.StreamSupport;
import org.apache.camel.Exchange;

/** payment-service over real HTTP, as the orchestrator and the coordinator call it. */
public final class PaymentEndpoints {

  /** A status code and the JSON body (null when the body is empty). */
  public record Answer(int status, JsonNode body) {

    public <T> T bodyAs(Class<T> type) throws JsonProcessingException {
      return JSON.treeToValue(body, type);
    }

    public List<String> violatedFields() {
      return StreamSupport.stream(body.path("violations").spliterator(), false)
          .map(violation -> violation.path("field").asText())
          .toList();
    }
  }

  private static final ObjectMapper JSON = new ObjectMapper();
  private final String baseUrl;
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  public PaymentEndpoints(String baseUrl) {
    this.baseUrl = baseUrl;
  }

  /** A request as JSON, to break on purpose (drop a field, put a wrong value). */
  public static ObjectNode asJson(Object request) {
    return JSON.valueToTree(request);
  }

  public Answer validate(String lra, Object body) throws IOException, InterruptedException {
    return post("/payments/validations", lra, body);
  }

  public Answer save(String lra, Object body) throws IOException, InterruptedException {
    return post("/payments", lra, body);
  }

  /** {@code GET /payments?orderId=}; a null orderId leaves the parameter out. */
  public Answer list(String orderId) throws IOException, InterruptedException {
    String query =
        orderId == null ? "" : "?orderId=" + URLEncoder.encode(orderId, StandardCharsets.UTF_8);
    return send(HttpRequest.newBuilder(URI.create(baseUrl + "/payments" + query)).GET());
  }

  /** A PUT on {@code /lra-participant/<callback><query>} for the given LRA. */
  public Answer callback(String callback, String lra, String query)
      throws IOException, InterruptedException {
    return send(
        HttpRequest.newBuilder(URI.create(baseUrl + "/lra-participant/" + callback + query))
            .header(Exchange.SAGA_LONG_RUNNING_ACTION, lra)
            .PUT(HttpRequest.BodyPublishers.noBody()));
  }

  private Answer post(String path, String lra, Object body)
      throws IOException, InterruptedException {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(baseUrl + path))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
    if (lra != null) {
      request.header(Exchange.SAGA_LONG_RUNNING_ACTION, lra);
    }
    return send(request);
  }

  private Answer send(HttpRequest.Builder request) throws IOException, InterruptedException {
    HttpResponse<String> response =
        http.send(
            request.timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
    String body = response.body();
    return new Answer(response.statusCode(), body.isEmpty() ? null : JSON.readTree(body));
  }
}
