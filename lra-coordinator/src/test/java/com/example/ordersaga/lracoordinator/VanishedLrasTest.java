package com.example.ordersaga.lracoordinator;

import static org.assertj.core.api.Assertions.assertThat;

import com.arjuna.ats.arjuna.objectstore.StoreManager;
import io.narayana.lra.LRAData;
import io.narayana.lra.coordinator.domain.model.LongRunningAction;
import io.narayana.lra.coordinator.domain.service.LRAService;
import java.lang.reflect.Field;
import org.eclipse.microprofile.lra.annotation.LRAStatus;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A stale "Closing" copy with no record left is forgotten; nothing else is. */
class VanishedLrasTest {

  private static LRAService service;

  @BeforeAll
  static void narayanaOnATempStore() throws Exception {
    service = TempStoreNarayana.lraService();
  }

  @Test
  void aClosingEntryWithoutRecordIsForgottenTheSecondTimeItIsSeen() throws Exception {
    // As recovery leaves it: listed as Closing, its record deleted by the live close.
    LongRunningAction stale = service.startLRA("http://localhost/lra-coordinator", null, "t", 0L);
    setStatus(stale, LRAStatus.Closing);
    StoreManager.getRecoveryStore().remove_committed(stale.get_uid(), LongRunningAction.getType());
    LongRunningAction ending = service.startLRA("http://localhost/lra-coordinator", null, "t", 0L);
    setStatus(ending, LRAStatus.Closing); // a live close: its record is still there
    LongRunningAction active = service.startLRA("http://localhost/lra-coordinator", null, "t", 0L);
    VanishedLras vanished = new VanishedLras(service, StoreManager.getRecoveryStore());

    assertThat(vanished.forgetVanished()).as("seen once: maybe a live close").isEmpty();
    assertThat(vanished.forgetVanished()).containsExactly(stale.getId());

    assertThat(service.getAll())
        .extracting(LRAData::getLraId)
        .containsExactlyInAnyOrder(active.getId(), ending.getId());
    service.endLRA(active.getId(), true, false);
    service.remove(ending.getId());
  }

  private static void setStatus(LongRunningAction lra, LRAStatus status) throws Exception {
    Field field = LongRunningAction.class.getDeclaredField("status");
    field.setAccessible(true);
    field.set(lra, status);
  }
}
