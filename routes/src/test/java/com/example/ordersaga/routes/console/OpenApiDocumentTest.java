package com.example.ordersaga.routes.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.ordersaga.routes.InMemorySagas;
import com.example.ordersaga.routes.OrchestratorHttp;
import com.example.ordersaga.routes.OrchestratorOnH2;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;

/** The REST DSL's OpenAPI document at {@code /api-doc}. */
@OrchestratorOnH2
@Import(InMemorySagas.class)
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

  private HttpResponse<String> get(String path, String basicCredentials) throws Exception {
    return OrchestratorHttp.get(port, path, basicCredentials);
  }
}
