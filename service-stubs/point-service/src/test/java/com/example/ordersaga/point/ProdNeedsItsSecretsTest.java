package com.example.ordersaga.point;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;

/**
 * Profile prod has no default callback secret, no open coordinator and no default management
 * password: a participant without any of them refuses to start.
 */
class ProdNeedsItsSecretsTest {

  @Test
  void participantWithoutSecretDoesNotStartInProd() {
    assertThatThrownBy(
            () ->
                startInProd(
                    "--SAGA_CALLBACK_SECRET=",
                    "--LRA_COORDINATOR_TOKEN=a-token",
                    "--HAWTIO_PASSWORD=a-password"))
        .hasStackTraceContaining("the callback secret must have at least 16 characters");
  }

  @Test
  void participantWithoutCoordinatorTokenDoesNotStartInProd() {
    assertThatThrownBy(
            () ->
                startInProd(
                    "--SAGA_CALLBACK_SECRET=a-production-grade-secret",
                    "--LRA_COORDINATOR_TOKEN=",
                    "--HAWTIO_PASSWORD=a-password"))
        .hasStackTraceContaining("LRA_COORDINATOR_TOKEN is required");
  }

  @Test
  void participantWithoutManagementPasswordDoesNotStartInProd() {
    assertThatThrownBy(
            () ->
                startInProd(
                    "--SAGA_CALLBACK_SECRET=a-production-grade-secret",
                    "--LRA_COORDINATOR_TOKEN=a-token",
                    "--HAWTIO_PASSWORD="))
        .hasStackTraceContaining("HAWTIO_PASSWORD is required");
  }

  private static void startInProd(String... secrets) {
    List<String> args =
        new ArrayList<>(
            List.of(
                "--server.port=0",
                "--camel.servlet.mapping.servlet-name=ProdSecretCheck",
                "--spring.datasource.url=" + PointFixtures.h2Url("point-prod-secret")));
    args.addAll(List.of(secrets));
    new SpringApplicationBuilder(PointServiceApplication.class)
        .profiles("prod")
        .run(args.toArray(String[]::new))
        .close();
  }
}
