package com.example.ordersaga.routes.saga;

import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The saga's time limit as the orchestrator sees it. The coordinator enforces the same limit on the
 * LRA (it compensates when it passes); here it stops the route from starting further steps and
 * turns a late failure into 504.
 */
@Component
public class SagaDeadline {

  private final Duration timeout;

  public SagaDeadline(@Value("${ordersaga.saga.timeout}") Duration timeout) {
    this.timeout = timeout;
  }

  public Duration timeout() {
    return timeout;
  }

  /** Nanotime by which the saga must be done, from its start. */
  public long deadlineFrom(long startNanos) {
    return startNanos + timeout.toNanos();
  }

  public boolean passed(Long deadlineNanos) {
    return deadlineNanos != null && System.nanoTime() - deadlineNanos > 0;
  }
}
