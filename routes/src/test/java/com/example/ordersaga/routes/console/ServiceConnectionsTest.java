package com.example.ordersaga.routes.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.ordersaga.routes.InMemorySagas;
import com.example.ordersaga.routes.OrchestratorHttp;
import com.example.ordersaga.routes.OrchestratorOnH2;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;

/**
 * The console offers every service's Jolokia as a ready connection: the list (behind the console's
 * login), the Hawtio plugin that adds it to the Connect tab, and Hawtio's proxy that opens it.
 * ConsoleSystemIT drives the same in a browser against the running stack.
 */
@OrchestratorOnH2
@Import(InMemorySagas.class)
class ServiceConnectionsTest {

  @LocalServerPort int port;

  @Value("${ordersaga.urls.point-service}")
  String pointService;

  private final ObjectMapper json = new ObjectMapper();

  @Test
  void everyOtherDeployableIsAConnectionToItsJolokia() throws Exception {
    assertThat(get("/console/connections", null).statusCode()).isEqualTo(401);

    HttpResponse<String> listed = get("/console/connections", "admin:admin");

    assertThat(listed.statusCode()).isEqualTo(200);
    assertThat(listed.headers().firstValue("Content-Type")).hasValue("application/json");
    List<String> names = new ArrayList<>();
    JsonNode point = null;
    for (JsonNode connection : json.readTree(listed.body())) {
      names.add(connection.path("name").asText());
      assertThat(connection.path("path").asText()).isEqualTo("/actuator/jolokia");
      if (connection.path("name").asText().equals("point-service")) {
        point = connection;
      }
    }
    assertThat(names)
        .containsExactly(
            "completion-api",
            "order-service",
            "payment-service",
            "point-service",
            "product-service");
    java.net.URI url = java.net.URI.create(pointService);
    assertThat(point.path("scheme").asText()).isEqualTo(url.getScheme());
    assertThat(point.path("host").asText()).isEqualTo(url.getHost());
    assertThat(point.path("port").asInt()).isEqualTo(url.getPort());
  }

  @Test
  void hawtioLoadsThePluginThatAddsThemAndOpensThemThroughItsProxy() throws Exception {
    JsonNode plugins = json.readTree(get("/actuator/hawtio/plugin", "admin:admin").body());
    assertThat(plugins).hasSize(1);
    JsonNode plugin = plugins.get(0);
    assertThat(plugin.path("scope").asText()).isEqualTo("ordersagaConnections");
    HttpResponse<String> script =
        get(
            plugin.path("url").asText() + "/" + plugin.path("remoteEntryFileName").asText(),
            "admin:admin");
    assertThat(script.statusCode()).isEqualTo(200);
    assertThat(script.headers().firstValue("Content-Type").orElseThrow()).contains("javascript");
    assertThat(script.body())
        .contains("window.ordersagaConnections", "/console/connections", "connect.connections");
    assertThat(get("/console/ordersaga-connections.js", null).statusCode())
        .as("behind the console's login")
        .isEqualTo(401);
    assertThat(get("/actuator/hawtio/proxy/enabled", "admin:admin").body().trim())
        .isEqualTo("true");
  }

  private HttpResponse<String> get(String path, String basicCredentials) throws Exception {
    return OrchestratorHttp.get(port, path, basicCredentials);
  }
}
