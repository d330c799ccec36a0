package com.example.ordersaga.lracoordinator;

import com.arjuna.ats.arjuna.common.Uid;
import com.arjuna.ats.arjuna.coordinator.RecordList;
import io.narayana.lra.coordinator.domain.model.LongRunningAction;
import io.narayana.lra.coordinator.domain.service.LRAService;
import java.util.concurrent.locks.ReentrantLock;
import org.eclipse.microprofile.lra.annotation.LRAStatus;

/**
 * One LRA as the object store holds it, repaired if a crash stranded it.
 *
 * <p>When the coordinator closes or cancels an LRA, Narayana first saves the participants as its
 * "prepared" list, then calls them one by one. If the process dies in between, the store keeps an
 * LRA in {@code Closing} or {@code Cancelling} whose uncalled participants are all on that list.
 * Narayana 1.1.0's recovery replays only participants on the pending or heuristic lists, so such an
 * LRA would stay {@code Closing} for good and its participants would never hear the outcome. Moving
 * them back to the pending list (in their order) lets the next recovery pass call each of them;
 * participants must, and ours do, take a repeated callback as a no-op.
 */
final class StrandedLra extends LongRunningAction {

  StrandedLra(LRAService service, Uid uid) {
    super(service, uid);
  }

  /**
   * This copy only reads and rewrites the store. Restoring an LRA arms its time limit on Narayana's
   * shared scheduler, and the timer would later cancel the LRA from this stale copy (its own
   * service, its own locks), behind the back of the live one: no timer here.
   */
  @Override
  public int setTimeLimit(Long timeLimit, boolean save) {
    return 200;
  }

  /** An expired LRA's restore schedules its cancellation at once; it finds this copy locked. */
  @Override
  protected ReentrantLock tryLockTransaction() {
    return null;
  }

  /**
   * Call only while no request can reach the LRA (before the server starts): an LRA being ended
   * right now has the same shape in the store.
   *
   * @return whether the LRA was stranded and is now saved with its participants pending
   */
  boolean requeueForRecovery() {
    if (!activate()) {
      return false;
    }
    LRAStatus status = getLRAStatus();
    boolean ending = status == LRAStatus.Closing || status == LRAStatus.Cancelling;
    if (!ending || isEmpty(preparedList) || !isEmpty(pendingList) || !isEmpty(heuristicList)) {
      return false;
    }
    if (pendingList == null) {
      pendingList = new RecordList();
    }
    // Recovery moves them back with putFront; moving them here the same way keeps their order.
    moveTo(preparedList, pendingList, false);
    return deactivate();
  }

  private static boolean isEmpty(RecordList list) {
    return list == null || list.size() == 0;
  }
}
