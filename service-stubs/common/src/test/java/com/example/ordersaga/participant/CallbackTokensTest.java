package com.example.ordersaga.participant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class CallbackTokensTest {

  private static final String LRA = "http://localhost:8090/lra-coordinator/0_ffff7f000001_1";
  private static final String OTHER_LRA = "http://localhost:8090/lra-coordinator/0_ffff7f000001_2";
  private final CallbackTokens tokens = new CallbackTokens("a-secret-of-sufficient-length");

  @Test
  void tokenVerifiesForItsLraAndStepOnly() {
    String token = tokens.sign(LRA, "point-deduct");

    assertThat(tokens.verify(LRA, "point-deduct", token)).isTrue();
    assertThat(tokens.verify(OTHER_LRA, "point-deduct", token)).isFalse();
    assertThat(tokens.verify(LRA, "stock-deduct", token)).isFalse();
    assertThat(tokens.verify(LRA, "point-deduct", null)).isFalse();
  }

  @Test
  void anotherSecretMintsAnotherToken() {
    CallbackTokens attacker = new CallbackTokens("an-attackers-guessed-secret");

    assertThat(tokens.verify(LRA, "point-deduct", attacker.sign(LRA, "point-deduct"))).isFalse();
  }

  @Test
  void tokenIsSafeInAnLraLinkHeader() {
    // A comma would split the Link header at the coordinator; '=' padding is dropped too.
    assertThat(tokens.sign(LRA, "point-deduct")).matches("[A-Za-z0-9_-]{43}");
  }

  @Test
  void shortSecretsAreRefused() {
    assertThatThrownBy(() -> new CallbackTokens("short"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
