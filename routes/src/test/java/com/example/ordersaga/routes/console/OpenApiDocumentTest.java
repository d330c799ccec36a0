package com.example.ordersaga.routes.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.ordersaga.routes.OrchestratorOnH2;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.apache.camel.saga.CamelSagaService;
import org.apache.camel.saga.InMemorySagaService;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;

/** The REST DSL's OpenAPI document at {@code /api-doc}. */
@OrchestratorOnH2
class OpenApiDocumentTest {

  @LocalServerPort int port;
  private final ObjectMapper json = new ObjectMapper();
  private final HttpClient http = HttpClient.newHttpClient();

  @Test
  void theOpenApiDocumentDescribesTheOrderList() throws Exception {
    JsonNode list =
        json.readTree(get("/api-doc", null).body()).path("paths").path("/api/orders").path("get");

    assertThat(list.path("operationId").asText()).isEqualTo("rest-list-orders");
    assertThat(list.path("summary").asText()).startsWith("Every order saga");
  }

  /** Camel's saga EIP needs a saga service; these tests run no saga. */
  @TestConfiguration
  static class InMemorySagas {
    @Bean
    CamelSagaService sagaService() {
      return new InMemorySagaService();
    }
  }

  private HttpResponse<String> get(String path, String basicCredentials) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET();
    if (basicCredentials != null) {
      request.header(
          "Authorization",
          "Basic "
              + Base64.getEncoder()
                  .encodeToString(basicCredentials.getBytes(StandardCharsets.UTF_8)));
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }
}
