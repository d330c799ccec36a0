package com.example.ordersaga.lracoordinator;

import io.narayana.lra.LRAData;
import io.narayana.lra.coordinator.domain.service.LRAService;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.lra.annotation.LRAStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The last line behind an LRA's time limit. Narayana cancels an LRA from a timer, but the timer
 * gives up silently when the LRA is locked at that instant (a join, a close or a recovery pass
 * holding it), and nothing tries again: after a crash, with nobody left to close it, such an LRA
 * stayed Active for good (seen in the crash matrix). Every recovery period, each LRA still Active
 * {@code grace} past its time limit is cancelled here, so its participants compensate.
 */
final class OverdueLras {

  private static final Logger LOG = LoggerFactory.getLogger(OverdueLras.class);

  private final LRAService service;
  private final Duration grace;
  private final Clock clock;

  OverdueLras(LRAService service, Duration grace, Clock clock) {
    this.service = service;
    this.grace = grace;
    this.clock = clock;
  }

  /**
   * @return the LRAs cancelled now
   */
  List<URI> cancelOverdue() {
    List<URI> cancelled = new ArrayList<>();
    try {
      long now = clock.millis();
      for (LRAData lra : service.getAll(LRAStatus.Active)) {
        long limit = lra.getFinishTime();
        if (limit > 0 && now >= limit + grace.toMillis() && cancel(lra.getLraId())) {
          cancelled.add(lra.getLraId());
          LOG.warn(
              "LRA "
                  + lra.getLraId()
                  + " was still Active "
                  + (now - limit)
                  + " ms past its time limit: cancelled");
        }
      }
    } catch (RuntimeException e) {
      // A scheduled task that throws is never run again: log, and look again next period.
      LOG.warn("looking for overdue LRAs failed", e);
    }
    return cancelled;
  }

  /** Whether the LRA left Active (ending does nothing if another thread holds the LRA). */
  private boolean cancel(URI lra) {
    try {
      return service.endLRA(lra, true, false).getStatus() != LRAStatus.Active;
    } catch (RuntimeException e) {
      // Ended meanwhile, or busy: the next period looks again.
      LOG.debug("could not cancel overdue LRA " + lra, e);
      return false;
    }
  }
}
