package com.example.ordersaga.point;

import static com.example.ordersaga.point.PointFixtures.ALICE;
import static org.assertj.core.api.Assertions.assertThat;

import com.example.ordersaga.point.api.DeductPointsRequest;
import com.example.ordersaga.point.api.PointParticipant;
import com.example.ordersaga.point.domain.PointAccounts;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.TestPropertySource;

/**
 * Profile prod: X-Simulate-Failure is ignored, the admin endpoints are not served, and the metrics
 * and Jolokia take the management login (its prod password).
 */
@PointServiceOnH2
@ActiveProfiles("prod")
@AutoConfigureObservability(tracing = false) // the Prometheus endpoint, which tests leave out
@TestPropertySource(
    properties = {
      "SAGA_CALLBACK_SECRET=a-production-grade-secret",
      "LRA_COORDINATOR_TOKEN=a-production-grade-token",
      "HAWTIO_PASSWORD=a-production-grade-console-password"
    })
class PointProdProfileTest {

  @Autowired PointParticipant participant;
  @Autowired PointAccounts accounts;
  @Autowired org.springframework.boot.test.web.client.TestRestTemplate http;

  @Test
  void simulatedFailureHeaderIsIgnored() {
    accounts.setBalance(ALICE, 1_000);

    participant.deduct(
        PointFixtures.newLra(),
        ALICE,
        new DeductPointsRequest(PointFixtures.newOrderId(), 300L),
        "point-deduct");

    assertThat(accounts.balance(ALICE).balance()).isEqualTo(700);
  }

  @Test
  void adminEndpointIsNotServed() {
    accounts.setBalance(ALICE, 1_000);

    var response =
        http.exchange(
            "/admin/points/" + ALICE,
            org.springframework.http.HttpMethod.PUT,
            new org.springframework.http.HttpEntity<>(java.util.Map.of("balance", 5)),
            String.class);

    assertThat(response.getStatusCode().value()).isEqualTo(404);
    assertThat(accounts.balance(ALICE).balance()).isEqualTo(1_000);
  }

  @Test
  void metricsTakeTheManagementLogin() {
    var anonymous = http.getForEntity("/actuator/prometheus", String.class);
    var wrongPassword =
        http.withBasicAuth("admin", "admin").getForEntity("/actuator/prometheus", String.class);
    var managementLogin =
        http.withBasicAuth("admin", "a-production-grade-console-password")
            .getForEntity("/actuator/prometheus", String.class);

    assertThat(anonymous.getStatusCode().value()).isEqualTo(401);
    assertThat(anonymous.getHeaders().getFirst("WWW-Authenticate")).startsWith("Basic");
    assertThat(anonymous.getBody()).contains("\"error\":\"UNAUTHORIZED\"").doesNotContain("jvm_");
    assertThat(wrongPassword.getStatusCode().value()).isEqualTo(401);
    assertThat(managementLogin.getStatusCode().value()).isEqualTo(200);
    assertThat(managementLogin.getBody()).contains("jvm_memory_used_bytes");
    assertThat(
            http.getForEntity("/actuator/health/readiness", String.class).getStatusCode().value())
        .as("the probes stay open")
        .isEqualTo(200);
  }

  @Test
  void jolokiaTakesTheProdManagementLogin() {
    assertThat(
            http.withBasicAuth("admin", "admin")
                .getForEntity("/actuator/jolokia/version", String.class)
                .getStatusCode()
                .value())
        .isEqualTo(401);
    assertThat(
            http.withBasicAuth("admin", "a-production-grade-console-password")
                .getForEntity("/actuator/jolokia/version", String.class)
                .getStatusCode()
                .value())
        .isEqualTo(200);
  }
}
