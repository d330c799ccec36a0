package com.example.ordersaga.routes.saga;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The LRA coordinators an orchestrator starts its sagas at (their base URLs, context path
 * included). Each LRA belongs to the coordinator that started it for its whole life (its id is that
 * coordinator's URL, and camel-lra sends every later call there), so only the start is ours to
 * place: in turn over the coordinators, spreading the starts that each coordinator serialises, and
 * past one that could not be reached, which then goes last for a while.
 */
public final class CoordinatorRoster {

  private final List<String> coordinators;
  private final Duration skipFor;
  private final Clock clock;
  private final AtomicInteger turn = new AtomicInteger();
  private final Map<String, Instant> unreachableUntil = new ConcurrentHashMap<>();

  public CoordinatorRoster(List<String> coordinators, Duration skipFor, Clock clock) {
    if (coordinators.isEmpty()) {
      throw new IllegalArgumentException("no LRA coordinator configured");
    }
    this.coordinators = List.copyOf(coordinators);
    this.skipFor = skipFor;
    this.clock = clock;
  }

  public List<String> coordinators() {
    return coordinators;
  }

  /**
   * Where to try the next start, in order: every coordinator once, beginning with the next in turn;
   * those unreachable lately after the others, so a start still tries them when nothing else is
   * left.
   */
  public List<String> nextStart() {
    int first = Math.floorMod(turn.getAndIncrement(), coordinators.size());
    List<String> order = new ArrayList<>(coordinators.size());
    for (int i = 0; i < coordinators.size(); i++) {
      order.add(coordinators.get((first + i) % coordinators.size()));
    }
    Instant now = clock.instant();
    order.sort(Comparator.comparing(coordinator -> isSkipped(coordinator, now)));
    return order;
  }

  /** {@code coordinator} could not be reached: it goes last for {@code skipFor}. */
  public void unreachable(String coordinator) {
    unreachableUntil.put(coordinator, clock.instant().plus(skipFor));
  }

  /** {@code coordinator} answered: it takes its turn again. */
  public void reached(String coordinator) {
    unreachableUntil.remove(coordinator);
  }

  private boolean isSkipped(String coordinator, Instant now) {
    Instant until = unreachableUntil.get(coordinator);
    return until != null && now.isBefore(until);
  }
}
