package com.example.ordersaga.routes.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.ordersaga.routes.InMemorySagas;
import com.example.ordersaga.routes.OrchestratorHttp;
import com.example.ordersaga.routes.OrchestratorOnH2;
import com.example.ordersaga.routes.saga.OrderSagaSteps;
import com.example.ordersaga.routes.saga.SagaStep;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.apache.camel.test.spring.junit5.DisableJmx;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;

/**
 * The operator's side of the orchestrator: Hawtio and Jolokia need a login (form or basic), the
 * console's browser flow is protected against forged requests (CSRF), the API needs none, and every
 * route is visible by its stable id.
 */
@OrchestratorOnH2
@Import(InMemorySagas.class)
// Camel's test support reads DisableJmx on the test class only, not through OrchestratorOnH2, and
// applies it when a Spring context starts: the property gives this class a context of its own,
// started with JMX on (it was on only when an earlier test class had left it so).
@DisableJmx(false)
@TestPropertySource(properties = "camel.main.jmx-enabled=true")
class ConsoleSecurityTest {

  @LocalServerPort int port;
  private final ObjectMapper json = new ObjectMapper();
  private final HttpClient http = HttpClient.newHttpClient();

  @Test
  void consoleAndJolokiaNeedALoginWhileTheApiDoesNot() throws Exception {
    assertThat(get("/actuator/jolokia/version", null).statusCode()).isEqualTo(401);
    assertThat(get("/actuator/hawtio/", null).statusCode()).isEqualTo(401);
    assertThat(get("/actuator/jolokia/version", "admin:admin").statusCode()).isEqualTo(200);
    assertThat(get("/actuator/jolokia/version", "admin:wrong").statusCode()).isEqualTo(401);
    assertThat(get("/api-doc", null).statusCode()).isEqualTo(200);
    assertThat(get("/actuator/health/readiness", null).statusCode()).isEqualTo(200);
    assertThat(get("/api/orders/unknown", null).statusCode()).isEqualTo(404);
  }

  /** What Hawtio's Camel tab lists: every route, by its route id, read over Jolokia (JMX). */
  @Test
  void everyRouteIsVisibleOverJolokiaByItsRouteId() throws Exception {
    String search = "/actuator/jolokia/search/org.apache.camel:type=routes,*";
    assertThat(get(search, null).statusCode()).isEqualTo(401);

    HttpResponse<String> found = get(search, "admin:admin");

    assertThat(found.statusCode()).isEqualTo(200);
    List<String> routeIds = new ArrayList<>();
    for (JsonNode name : json.readTree(found.body()).path("value")) {
      java.util.regex.Matcher id =
          java.util.regex.Pattern.compile("name=\"([^\"]+)\"").matcher(name.asText());
      if (id.find()) {
        routeIds.add(id.group(1));
      }
    }
    List<String> expected = new ArrayList<>();
    expected.addAll(
        List.of(
            "place-order",
            "order-saga",
            "order-saga-completed",
            "order-saga-compensated",
            "get-order",
            "list-orders",
            "abandoned-sagas",
            "order-events-notifier",
            "order-events-park"));
    OrderSagaSteps.STEPS.stream().map(SagaStep::routeId).forEach(expected::add);
    assertThat(routeIds).containsAll(expected);
    assertThat(routeIds).noneMatch(id -> id.matches("route\\d+")); // no generated ids
  }

  /**
   * The console's browser flow (what Hawtio does after the form login): the console page hands out
   * the XSRF-TOKEN cookie, and Jolokia POSTs echoing it in X-XSRF-TOKEN are served; without the
   * echo they are refused. Scripts using basic auth need no token.
   */
  @Test
  void afterTheFormLoginTheConsoleCanCallJolokia() throws Exception {
    java.net.CookieManager cookies = new java.net.CookieManager();
    HttpClient browser =
        HttpClient.newBuilder()
            .cookieHandler(cookies)
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
    String base = "http://localhost:" + port;
    String loginPage =
        browser
            .send(
                HttpRequest.newBuilder(URI.create(base + "/login")).GET().build(),
                HttpResponse.BodyHandlers.ofString())
            .body();
    java.util.regex.Matcher csrf =
        java.util.regex.Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"").matcher(loginPage);
    assertThat(csrf.find()).as(loginPage).isTrue();
    HttpResponse<String> login =
        browser.send(
            HttpRequest.newBuilder(URI.create(base + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        "username=admin&password=admin&_csrf=" + csrf.group(1)))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(login.statusCode()).isEqualTo(302);
    assertThat(login.headers().firstValue("Location").orElseThrow()).doesNotContain("error");

    HttpResponse<String> console =
        browser.send(
            HttpRequest.newBuilder(URI.create(base + "/actuator/hawtio/")).GET().build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(console.statusCode()).isEqualTo(200);
    String xsrf =
        cookies.getCookieStore().getCookies().stream()
            .filter(cookie -> cookie.getName().equals("XSRF-TOKEN"))
            .findFirst()
            .orElseThrow(() -> new AssertionError("the console page set no XSRF-TOKEN cookie"))
            .getValue();

    HttpRequest.Builder jolokia =
        HttpRequest.newBuilder(URI.create(base + "/actuator/hawtio/jolokia/"))
            .header("Content-Type", "text/json")
            .POST(HttpRequest.BodyPublishers.ofString("{\"type\":\"version\"}"));
    assertThat(browser.send(jolokia.build(), HttpResponse.BodyHandlers.ofString()).statusCode())
        .as("a session without the token's echo: a forged request")
        .isEqualTo(403);
    assertThat(
            browser
                .send(
                    jolokia.copy().header("X-XSRF-TOKEN", xsrf).build(),
                    HttpResponse.BodyHandlers.ofString())
                .statusCode())
        .isEqualTo(200);
    HttpRequest scripted =
        HttpRequest.newBuilder(URI.create(base + "/actuator/jolokia"))
            .header("Content-Type", "application/json")
            .header(
                "Authorization",
                "Basic "
                    + java.util.Base64.getEncoder()
                        .encodeToString(
                            "admin:admin".getBytes(java.nio.charset.StandardCharsets.UTF_8)))
            .POST(HttpRequest.BodyPublishers.ofString("{\"type\":\"version\"}"))
            .build();
    assertThat(http.send(scripted, HttpResponse.BodyHandlers.ofString()).statusCode())
        .isEqualTo(200);
  }

  private HttpResponse<String> get(String path, String basicCredentials) throws Exception {
    return OrchestratorHttp.get(port, path, basicCredentials);
  }
}
