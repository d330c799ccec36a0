package com.example.ordersaga.common.participant.callback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.example.ordersaga.common.participant.callback.CallbackTokens.Endpoints;
import org.junit.jupiter.api.Test;

class CallbackTokensTest {

  private static final String SECRET = "a-secret-of-sufficient-length";
  private static final String LRA = "http://localhost:8090/lra-coordinator/0_ffff7f000001_1";
  private static final String OTHER_LRA = "http://localhost:8090/lra-coordinator/0_ffff7f000001_2";
  private static final Endpoints REFUND =
      new Endpoints("direct://point-refund", "direct://point-deduct-closed");
  private static final Endpoints RESTORE =
      new Endpoints("direct://stock-restore", "direct://stock-deduct-closed");
  private final CallbackTokens pointService = new CallbackTokens(SECRET, "point-service");

  @Test
  void tokenVerifiesForItsLraStepAndEndpointsOnly() {
    String token = pointService.sign(LRA, "point-deduct", REFUND);

    assertThat(pointService.verify(LRA, "point-deduct", REFUND, token)).isTrue();
    assertThat(pointService.verify(OTHER_LRA, "point-deduct", REFUND, token)).isFalse();
    assertThat(pointService.verify(LRA, "stock-deduct", REFUND, token)).isFalse();
    assertThat(pointService.verify(LRA, "point-deduct", RESTORE, token)).isFalse();
    assertThat(pointService.verify(LRA, "point-deduct", REFUND, null)).isFalse();
  }

  @Test
  void aTokenMintedByAnotherServiceIsRefused() {
    CallbackTokens productService = new CallbackTokens(SECRET, "product-service");

    assertThat(
            pointService.verify(
                LRA, "point-deduct", REFUND, productService.sign(LRA, "point-deduct", REFUND)))
        .isFalse();
  }

  @Test
  void anotherSecretMintsAnotherToken() {
    CallbackTokens attacker = new CallbackTokens("an-attackers-guessed-secret", "point-service");

    assertThat(
            pointService.verify(
                LRA, "point-deduct", REFUND, attacker.sign(LRA, "point-deduct", REFUND)))
        .isFalse();
  }

  @Test
  void tokenIsSafeInAnLraLinkHeader() {
    // A comma would split the Link header at the coordinator; '=' padding is dropped too.
    assertThat(pointService.sign(LRA, "point-deduct", REFUND)).matches("[A-Za-z0-9_-]{43}");
  }

  @Test
  void shortOrMissingSecretsAreRefused() {
    assertThatThrownBy(() -> new CallbackTokens("short", "point-service"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new CallbackTokens("", "point-service"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
