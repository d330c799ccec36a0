package com.example.ordersaga.participant;

import java.time.Duration;
import java.util.Arrays;

/**
 * Reads {@code X-Simulate-Failure: <step>[:after-commit|:slow][,…]}: the participant performing a
 * listed step fails it, either inside its local transaction (rolled back) or after the commit (the
 * hard case: applied here, yet reported as failed); {@code :slow} holds the step back before it
 * acts, past the saga's time limit. Off unless enabled in configuration.
 */
public class FaultInjection {

  public static final String HEADER = "X-Simulate-Failure";
  private static final String AFTER_COMMIT = ":after-commit";
  private static final String SLOW = ":slow";

  private final boolean enabled;
  private final Duration slowDelay;

  public FaultInjection(boolean enabled, Duration slowDelay) {
    this.enabled = enabled;
    this.slowDelay = slowDelay;
  }

  public boolean enabled() {
    return enabled;
  }

  public boolean failsBeforeCommit(String step, String header) {
    return listed(header, step);
  }

  public boolean failsAfterCommit(String step, String header) {
    return listed(header, step + AFTER_COMMIT);
  }

  /** How long to hold the step back before it acts: zero unless {@code <step>:slow} is listed. */
  public Duration delayBeforeAction(String step, String header) {
    return listed(header, step + SLOW) ? slowDelay : Duration.ZERO;
  }

  private boolean listed(String header, String entry) {
    return enabled
        && header != null
        && Arrays.stream(header.split(",")).map(String::trim).anyMatch(entry::equals);
  }
}
