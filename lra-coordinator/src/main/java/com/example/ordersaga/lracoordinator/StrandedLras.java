package com.example.ordersaga.lracoordinator;

import com.arjuna.ats.arjuna.common.Uid;
import com.arjuna.ats.arjuna.exceptions.ObjectStoreException;
import com.arjuna.ats.arjuna.objectstore.RecoveryStore;
import com.arjuna.ats.arjuna.objectstore.StoreManager;
import com.arjuna.ats.arjuna.state.InputObjectState;
import com.arjuna.ats.internal.arjuna.common.UidHelper;
import io.narayana.lra.coordinator.domain.model.LongRunningAction;
import io.narayana.lra.coordinator.domain.service.LRAService;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Finds the LRAs a crash left half-ended in the object store (see {@link StrandedLra}). */
final class StrandedLras {

  private static final Logger LOG = LoggerFactory.getLogger(StrandedLras.class);

  private StrandedLras() {}

  /**
   * Puts the participants of every stranded LRA back where recovery will call them. Runs at start,
   * before the first recovery pass and before the server accepts requests.
   *
   * @return the ids of the LRAs repaired
   */
  static List<Uid> requeueAll() throws ObjectStoreException, IOException {
    LRAService service = new LRAService();
    RecoveryStore store = StoreManager.getRecoveryStore();
    InputObjectState uids = new InputObjectState();
    List<Uid> repaired = new ArrayList<>();
    if (!store.allObjUids(LongRunningAction.getType(), uids)) {
      return repaired;
    }
    for (Uid uid = UidHelper.unpackFrom(uids); uid.notEquals(Uid.nullUid()); ) {
      if (new StrandedLra(service, uid).requeueForRecovery()) {
        repaired.add(uid);
        LOG.warn("LRA " + uid + " was cut off while ending: its participants will be called again");
      }
      uid = UidHelper.unpackFrom(uids);
    }
    return repaired;
  }
}
