package com.example.ordersaga.point;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;

/**
 * What the orchestrator's console reaches here (every service has the same): Jolokia, remote JMX,
 * behind the management login even in dev, showing every route of the service by its route id.
 */
@PointServiceOnH2
class PointConsoleAccessTest {

  private static final String ROUTES = "/actuator/jolokia/search/org.apache.camel:type=routes,*";

  @Autowired TestRestTemplate http;
  private final ObjectMapper json = new ObjectMapper();

  @Test
  void jolokiaTakesTheManagementLogin() {
    var anonymous = http.getForEntity("/actuator/jolokia/version", String.class);
    var wrongPassword =
        http.withBasicAuth("admin", "wrong")
            .getForEntity("/actuator/jolokia/version", String.class);
    var managementLogin =
        http.withBasicAuth("admin", "admin")
            .getForEntity("/actuator/jolokia/version", String.class);

    assertThat(anonymous.getStatusCode().value()).isEqualTo(401);
    assertThat(anonymous.getHeaders().getFirst("WWW-Authenticate")).startsWith("Basic");
    assertThat(anonymous.getBody()).contains("\"error\":\"UNAUTHORIZED\"").doesNotContain("agent");
    assertThat(wrongPassword.getStatusCode().value()).isEqualTo(401);
    assertThat(managementLogin.getStatusCode().value()).isEqualTo(200);
    assertThat(managementLogin.getBody()).contains("\"agent\":\"2.");
    assertThat(http.getForEntity("/actuator/jolokia", String.class).getStatusCode().value())
        .as("the endpoint's root too")
        .isEqualTo(401);
  }

  @Test
  void everyRouteIsVisibleByItsRouteId() throws Exception {
    var found = http.withBasicAuth("admin", "admin").getForEntity(ROUTES, String.class);

    assertThat(found.getStatusCode().value()).isEqualTo(200);
    List<String> routeIds = new ArrayList<>();
    for (JsonNode name : json.readTree(found.getBody()).path("value")) {
      Matcher id = Pattern.compile("name=\"([^\"]+)\"").matcher(name.asText());
      if (id.find()) {
        routeIds.add(id.group(1));
      }
    }
    assertThat(routeIds)
        .contains("point-deduct", "point-refund", "lra-compensation", "lra-completion")
        .noneMatch(id -> id.matches("route\\d+"));
  }
}
