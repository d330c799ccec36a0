package com.example.ordersaga.common.lra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpRequest;
import org.junit.jupiter.api.Test;

class CoordinatorTokenTest {

  @Test
  void aTokenBecomesTheBearerHeader() {
    HttpRequest request =
        CoordinatorToken.of(" s3cret ", true)
            .authorize(HttpRequest.newBuilder(URI.create("http://localhost/x")))
            .build();

    assertThat(request.headers().allValues("Authorization")).containsExactly("Bearer s3cret");
  }

  @Test
  void noTokenSendsNoHeaderUnlessOneIsRequired() {
    HttpRequest request =
        CoordinatorToken.of("", false)
            .authorize(HttpRequest.newBuilder(URI.create("http://localhost/x")))
            .build();

    assertThat(request.headers().firstValue("Authorization")).isEmpty();
    assertThatThrownBy(() -> CoordinatorToken.of(" ", true))
        .hasMessageContaining("LRA_COORDINATOR_TOKEN");
  }

  @Test
  void theTokenIsNeverPrinted() {
    assertThat(CoordinatorToken.of("s3cret", true).toString()).doesNotContain("s3cret");
  }
}
