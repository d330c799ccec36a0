package com.example.ordersaga.participant;

import java.util.Arrays;

/**
 * Reads {@code X-Simulate-Failure: <step>[:after-commit][,…]}: the participant performing a listed
 * step fails it, either inside its local transaction (rolled back) or after the commit (the hard
 * case: applied here, yet reported as failed). Off unless enabled in configuration.
 */
public class FaultInjection {

  public static final String HEADER = "X-Simulate-Failure";
  private static final String AFTER_COMMIT = ":after-commit";

  private final boolean enabled;

  public FaultInjection(boolean enabled) {
    this.enabled = enabled;
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

  private boolean listed(String header, String entry) {
    return enabled
        && header != null
        && Arrays.stream(header.split(",")).map(String::trim).anyMatch(entry::equals);
  }
}
