package com.example.ordersaga.lracoordinator;

import com.arjuna.ats.arjuna.common.Uid;
import com.arjuna.ats.arjuna.exceptions.ObjectStoreException;
import com.arjuna.ats.arjuna.objectstore.RecoveryStore;
import com.arjuna.ats.arjuna.objectstore.StateStatus;
import io.narayana.lra.LRAConstants;
import io.narayana.lra.LRAData;
import io.narayana.lra.coordinator.domain.model.LongRunningAction;
import io.narayana.lra.coordinator.domain.service.LRAService;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.lra.annotation.LRAStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Narayana's periodic recovery reads LRAs that are being ended right now. When the live close (or
 * cancel) finishes and deletes the record while recovery holds its copy, the stale copy is put back
 * on the coordinator's list as {@code Closing} and stays there for good, with no record left to
 * recover (the crash matrix and the benchmark both met it under load). The live end had called
 * every participant, so such an entry is forgotten, once it has been seen twice a recovery period
 * apart without a record (a live end keeps its record until it is done).
 */
final class VanishedLras {

  private static final Logger LOG = LoggerFactory.getLogger(VanishedLras.class);

  private final LRAService service;
  private final RecoveryStore store;
  private Set<URI> seenBefore = Set.of();

  VanishedLras(LRAService service, RecoveryStore store) {
    this.service = service;
    this.store = store;
  }

  /**
   * @return the entries forgotten now
   */
  List<URI> forgetVanished() {
    List<URI> forgotten = new ArrayList<>();
    try {
      Set<URI> vanished = new HashSet<>();
      for (LRAData lra : service.getAll()) {
        boolean ending =
            lra.getStatus() == LRAStatus.Closing || lra.getStatus() == LRAStatus.Cancelling;
        if (ending && !inStore(lra.getLraId())) {
          vanished.add(lra.getLraId());
        }
      }
      for (URI lra : vanished) {
        if (seenBefore.contains(lra)) {
          service.remove(lra);
          forgotten.add(lra);
          LOG.warn("LRA " + lra + " was listed as ending with no record left: forgotten");
        }
      }
      vanished.removeAll(forgotten);
      seenBefore = vanished;
    } catch (RuntimeException | ObjectStoreException e) {
      LOG.warn("looking for vanished LRAs failed", e);
    }
    return forgotten;
  }

  private boolean inStore(URI lra) throws ObjectStoreException {
    Uid uid = new Uid(LRAConstants.getLRAUid(lra.toString()));
    return store.currentState(uid, LongRunningAction.getType()) != StateStatus.OS_UNKNOWN;
  }
}
