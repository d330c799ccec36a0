package com.example.ordersaga.point;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;

/** Profile prod has no default callback secret: a participant without one refuses to start. */
class ProdNeedsCallbackSecretTest {

  @Test
  void participantWithoutSecretDoesNotStartInProd() {
    assertThatThrownBy(
            () ->
                new SpringApplicationBuilder(PointServiceApplication.class)
                    .profiles("prod")
                    .run(
                        "--SAGA_CALLBACK_SECRET=",
                        "--server.port=0",
                        "--camel.servlet.mapping.servlet-name=ProdSecretCheck",
                        "--spring.datasource.url=" + PointFixtures.h2Url("point-prod-secret")))
        .hasStackTraceContaining("the callback secret must have at least 16 characters");
  }
}
