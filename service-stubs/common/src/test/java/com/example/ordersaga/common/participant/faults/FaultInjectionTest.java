package com.example.ordersaga.common.participant.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class FaultInjectionTest {

  private static final Duration SLOW = Duration.ofSeconds(15);

  private final FaultInjection enabled = new FaultInjection(true, SLOW);

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
    FaultInjection disabled = new FaultInjection(false, SLOW);

    assertThat(disabled.failsBeforeCommit("point-deduct", "point-deduct")).isFalse();
    assertThat(disabled.failsAfterCommit("point-deduct", "point-deduct:after-commit")).isFalse();
  }

  @Test
  void slowHoldsOnlyTheListedStepBack() {
    assertThat(enabled.delayBeforeAction("stock-deduct", "stock-deduct:slow")).isEqualTo(SLOW);
    assertThat(enabled.delayBeforeAction("point-deduct", "stock-deduct:slow")).isZero();
    assertThat(enabled.failsBeforeCommit("stock-deduct", "stock-deduct:slow")).isFalse();
    assertThat(
            new FaultInjection(false, SLOW).delayBeforeAction("stock-deduct", "stock-deduct:slow"))
        .isZero();
  }

  @Test
  void slowWithATimeHoldsTheStepThatLongCappedAtTwoMinutes() {
    assertThat(enabled.delayBeforeAction("stock-deduct", "stock-deduct:slow=4s"))
        .isEqualTo(Duration.ofSeconds(4));
    assertThat(enabled.delayBeforeAction("stock-deduct", "point-deduct, stock-deduct:slow=250ms"))
        .isEqualTo(Duration.ofMillis(250));
    assertThat(enabled.delayBeforeAction("stock-deduct", "stock-deduct:slow=999999s"))
        .isEqualTo(Duration.ofMinutes(2));
    assertThat(enabled.delayBeforeAction("point-deduct", "stock-deduct:slow=4s")).isZero();
    assertThat(enabled.delayBeforeAction("stock-deduct", "stock-deduct:slow=4h")).isZero();
    assertThat(enabled.delayBeforeAction("stock-deduct", "stock-deduct:slow=-4s")).isZero();
    assertThat(enabled.failsBeforeCommit("stock-deduct", "stock-deduct:slow=4s")).isFalse();
    assertThat(
            new FaultInjection(false, SLOW)
                .delayBeforeAction("stock-deduct", "stock-deduct:slow=4s"))
        .isZero();
  }

  @Test
  void noHeaderNoFailure() {
    assertThat(enabled.failsBeforeCommit("point-deduct", null)).isFalse();
  }
}
