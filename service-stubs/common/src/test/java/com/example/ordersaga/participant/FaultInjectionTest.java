package com.example.ordersaga.participant;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FaultInjectionTest {

  private final FaultInjection enabled = new FaultInjection(true);

  @Test
  void listedStepFailsBeforeCommitOnly() {
    assertThat(enabled.failsBeforeCommit("point-deduct", "point-deduct")).isTrue();
    assertThat(enabled.failsAfterCommit("point-deduct", "point-deduct")).isFalse();
  }

  @Test
  void afterCommitSuffixFailsAfterCommitOnly() {
    assertThat(enabled.failsAfterCommit("stock-deduct", "stock-deduct:after-commit")).isTrue();
    assertThat(enabled.failsBeforeCommit("stock-deduct", "stock-deduct:after-commit")).isFalse();
  }

  @Test
  void listsAreCommaSeparatedAndTrimmed() {
    String header = "order-create , payment-save:after-commit";

    assertThat(enabled.failsBeforeCommit("order-create", header)).isTrue();
    assertThat(enabled.failsAfterCommit("payment-save", header)).isTrue();
    assertThat(enabled.failsBeforeCommit("payment-save", header)).isFalse();
  }

  @Test
  void prefixesOfOtherStepsDoNotMatch() {
    assertThat(enabled.failsBeforeCommit("payment", "payment-save")).isFalse();
    assertThat(enabled.failsBeforeCommit("payment-save", "payment")).isFalse();
  }

  @Test
  void disabledIgnoresEverything() {
    FaultInjection disabled = new FaultInjection(false);

    assertThat(disabled.failsBeforeCommit("point-deduct", "point-deduct")).isFalse();
    assertThat(disabled.failsAfterCommit("point-deduct", "point-deduct:after-commit")).isFalse();
  }

  @Test
  void noHeaderNoFailure() {
    assertThat(enabled.failsBeforeCommit("point-deduct", null)).isFalse();
  }
}
