package com.example.ordersaga.routes.saga;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class CoordinatorRosterTest {

  private final MutableClock clock = new MutableClock();
  private final CoordinatorRoster roster =
      new CoordinatorRoster(List.of("a", "b", "c"), Duration.ofSeconds(5), clock);

  @Test
  void eachStartBeginsWithTheNextCoordinatorInTurn() {
    assertThat(roster.nextStart()).containsExactly("a", "b", "c");
    assertThat(roster.nextStart()).containsExactly("b", "c", "a");
    assertThat(roster.nextStart()).containsExactly("c", "a", "b");
    assertThat(roster.nextStart()).containsExactly("a", "b", "c");
  }

  @Test
  void anUnreachableCoordinatorGoesLastUntilItsSkipHasPassedOrItAnswered() {
    roster.unreachable("a");
    assertThat(roster.nextStart()).containsExactly("b", "c", "a");
    assertThat(roster.nextStart()).containsExactly("b", "c", "a");

    clock.now = clock.now.plusSeconds(6);
    assertThat(roster.nextStart()).containsExactly("c", "a", "b");

    roster.unreachable("b");
    roster.reached("b");
    assertThat(roster.nextStart()).containsExactly("a", "b", "c");
  }

  private static final class MutableClock extends Clock {
    Instant now = Instant.parse("2026-12-06T12:00:00Z");

    @Override
    public Instant instant() {
      return now;
    }

    @Override
    public ZoneOffset getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }
  }
}
