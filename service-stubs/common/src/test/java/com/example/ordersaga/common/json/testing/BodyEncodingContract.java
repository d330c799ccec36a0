package com.example.ordersaga.common.json.testing;

import static com.example.ordersaga.common.json.testing.RawJson.concat;
import static com.example.ordersaga.common.json.testing.RawJson.utf8;
import static org.assertj.core.api.Assertions.assertThat;

import com.example.ordersaga.common.json.testing.HostileTexts.Case;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A service's every endpoint that reads a JSON body, sent the hostile corpus of text encodings
 * ({@link HostileTexts}) in an otherwise valid request: the contract's 400 naming {@code body} or
 * the field, and not a row written. A service's {@code *BodyEncodingTest} names its endpoints and
 * tables, on its {@code @<Service>OnH2} harness.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class BodyEncodingContract {

  /** As a saga step is called: the only thing wrong with each request is its body. */
  private static final String LRA = "http://localhost:1/lra-coordinator/lra/body-encoding-test";

  /**
   * An endpoint with a body: {@code template} is a valid body with {@link RawJson#HOLE} in the text
   * value of {@code field}, or in an ignored property where the body has no text (null field: only
   * the bytes that are not UTF-8 apply).
   */
  public record Endpoint(String method, String path, String template, String field) {
    @Override
    public String toString() {
      return method + " " + path;
    }
  }

  @LocalServerPort protected int port;
  @Autowired protected JdbcTemplate jdbc;
  private final ObjectMapper json = new ObjectMapper();
  private final HttpClient http = HttpClient.newHttpClient();

  protected abstract List<Endpoint> endpoints();

  /** Every table of the service's database. */
  protected abstract List<String> tables();

  Stream<Arguments> hostileRequests() {
    return endpoints().stream()
        .flatMap(
            endpoint ->
                HostileTexts.in(endpoint.template(), fieldOf(endpoint)).stream()
                    .filter(hostile -> endpoint.field() != null || hostile.field().equals("body"))
                    .map(hostile -> Arguments.of(endpoint, hostile)));
  }

  @ParameterizedTest(name = "{0}: {1}")
  @MethodSource("hostileRequests")
  void isRefusedWith400NamingTheFieldAndWritesNothing(Endpoint endpoint, Case hostile)
      throws Exception {
    Map<String, Integer> before = rows();

    HttpResponse<String> answer = send(endpoint, "application/json", hostile.body());

    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(400);
    JsonNode body = json.readTree(answer.body());
    assertThat(body.path("error").asText()).isEqualTo("VALIDATION_FAILED");
    assertThat(body.path("message").asText()).isNotBlank();
    assertThat(body.path("violations").findValuesAsText("field")).containsExactly(hostile.field());
    assertThat(rows()).as("rows").isEqualTo(before);
  }

  Stream<Endpoint> everyEndpoint() {
    return endpoints().stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("everyEndpoint")
  void aLeadingByteOrderMarkIsIgnored(Endpoint endpoint) throws Exception {
    HttpResponse<String> answer =
        send(endpoint, "application/json", concat(HostileTexts.BOM, utf8("{}")));

    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(400);
    assertThat(json.readTree(answer.body()).path("violations").findValuesAsText("field"))
        .as("the fields {} lacks, read past the byte order mark")
        .isNotEmpty()
        .doesNotContain("body", "");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("everyEndpoint")
  void aBodyDeclaredInAnotherCharsetIs415(Endpoint endpoint) throws Exception {
    Map<String, Integer> before = rows();

    HttpResponse<String> answer =
        send(
            endpoint,
            "application/json; charset=ISO-8859-1",
            RawJson.fill(endpoint.template(), "abc"));

    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(415);
    assertThat(json.readTree(answer.body()).path("violations").findValuesAsText("field"))
        .containsExactly("Content-Type");
    assertThat(rows()).as("rows").isEqualTo(before);
  }

  private static String fieldOf(Endpoint endpoint) {
    return endpoint.field() == null ? "an ignored property" : endpoint.field();
  }

  private HttpResponse<String> send(Endpoint endpoint, String contentType, byte[] body)
      throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + endpoint.path()))
            .header("Content-Type", contentType)
            .header(Exchange.SAGA_LONG_RUNNING_ACTION, LRA)
            .method(endpoint.method(), HttpRequest.BodyPublishers.ofByteArray(body))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private Map<String, Integer> rows() {
    return tables().stream()
        .collect(
            Collectors.toMap(
                table -> table,
                table -> jdbc.queryForObject("SELECT COUNT(*) FROM " + table, Integer.class)));
  }
}
