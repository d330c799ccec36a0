package com.example.ordersaga.lracoordinator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.narayana.lra.coordinator.domain.model.LongRunningAction;
import io.narayana.lra.coordinator.domain.service.LRAService;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.locks.ReentrantLock;
import org.eclipse.microprofile.lra.annotation.LRAStatus;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The watchdog ends an LRA whose own timer fired while the LRA was locked, and only such LRAs. */
class OverdueLrasTest {

  private static LRAService service;

  @BeforeAll
  static void narayanaOnATempStore() throws Exception {
    service = TempStoreNarayana.lraService();
  }

  @Test
  void anLraWhoseTimerFiredWhileLockedIsCancelledOnceOverdue() throws Exception {
    LongRunningAction lra =
        service.startLRA("http://localhost/lra-coordinator", null, "test", 200L);
    URI id = lra.getId();
    ReentrantLock lock = service.lockTransaction(id);
    try {
      // Narayana's timer fires now, finds the LRA locked (as by a join or recovery) and gives up.
      Thread.sleep(600);
    } finally {
      lock.unlock();
    }
    await().during(Duration.ofMillis(500)).until(() -> lra.getLRAStatus() == LRAStatus.Active);

    OverdueLras overdue = new OverdueLras(service, Duration.ofMillis(100), Clock.systemUTC());

    assertThat(overdue.cancelOverdue()).containsExactly(id);
    assertThat(service.getAll(LRAStatus.Active)).isEmpty();
    assertThat(overdue.cancelOverdue()).isEmpty();
  }

  @Test
  void anLraWithinItsTimeLimitOrWithoutOneIsLeftAlone() {
    LongRunningAction limited =
        service.startLRA("http://localhost/lra-coordinator", null, "test", 60_000L);
    LongRunningAction unlimited =
        service.startLRA("http://localhost/lra-coordinator", null, "test", 0L);
    try {
      OverdueLras overdue = new OverdueLras(service, Duration.ZERO, Clock.systemUTC());

      assertThat(overdue.cancelOverdue()).isEmpty();
      assertThat(limited.getLRAStatus()).isEqualTo(LRAStatus.Active);
      assertThat(unlimited.getLRAStatus()).isEqualTo(LRAStatus.Active);
    } finally {
      service.endLRA(limited.getId(), true, false);
      service.endLRA(unlimited.getId(), true, false);
    }
  }
}
