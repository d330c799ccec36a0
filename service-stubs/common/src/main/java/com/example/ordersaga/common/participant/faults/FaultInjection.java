package com.example.ordersaga.common.participant.faults;

import java.time.Duration;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Reads {@code X-Simulate-Failure: <step>[:after-commit|:slow[=<n>s|<n>ms]][,…]}: the participant
 * performing a listed step fails it, either inside its local transaction (rolled back) or after the
 * commit (the hard case: applied here, yet reported as failed); {@code :slow} holds the step back
 * before it acts, by default past the saga's time limit ({@code ordersaga.participant.slow-delay}),
 * or as long as given (at most {@link #MAX_HOLD}), e.g. to take another service down meanwhile. Off
 * unless enabled in configuration.
 */
public class FaultInjection {

  public static final String HEADER = "X-Simulate-Failure";
  private static final String AFTER_COMMIT = ":after-commit";
  private static final String SLOW = ":slow";
  private static final Pattern SLOW_FOR = Pattern.compile(":slow=(\\d{1,6})(ms|s)");
  static final Duration MAX_HOLD = Duration.ofMinutes(2);

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
    if (listed(header, step + SLOW)) {
      return slowDelay;
    }
    return entries(header)
        .filter(entry -> entry.startsWith(step + ":slow="))
        .map(entry -> SLOW_FOR.matcher(entry.substring(step.length())))
        .filter(Matcher::matches)
        .map(FaultInjection::holdOf)
        .findFirst()
        .orElse(Duration.ZERO);
  }

  private static Duration holdOf(Matcher slowFor) {
    long amount = Long.parseLong(slowFor.group(1));
    Duration hold =
        slowFor.group(2).equals("ms") ? Duration.ofMillis(amount) : Duration.ofSeconds(amount);
    return hold.compareTo(MAX_HOLD) > 0 ? MAX_HOLD : hold;
  }

  private boolean listed(String header, String entry) {
    return entries(header).anyMatch(entry::equals);
  }

  private Stream<String> entries(String header) {
    return enabled && header != null
        ? Arrays.stream(header.split(",")).map(String::trim)
        : Stream.empty();
  }
}
