package com.example.ordersaga.order.events;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * Spaces out the polls of a job whose last poll failed: the next {@code skipped} polls are skipped,
 * so a broker that is down is tried (and logged) every few seconds, not on every poll.
 */
final class PollBackoff {

  private final int skipped;
  private final AtomicInteger toSkip = new AtomicInteger();

  PollBackoff(int skipped) {
    this.skipped = skipped;
  }

  /** Whether this poll runs (else it is one of those skipped after a failure). */
  boolean due() {
    return toSkip.getAndUpdate(left -> Math.max(0, left - 1)) == 0;
  }

  void failed() {
    toSkip.set(skipped);
  }
}
