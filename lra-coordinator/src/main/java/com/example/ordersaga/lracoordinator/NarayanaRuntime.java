package com.example.ordersaga.lracoordinator;

import com.arjuna.ats.arjuna.objectstore.StoreManager;
import com.arjuna.ats.arjuna.recovery.RecoveryManager;
import io.narayana.lra.coordinator.internal.Implementations;
import io.narayana.lra.coordinator.internal.LRARecoveryModule;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Narayana's transaction core and LRA recovery, configured from {@link CoordinatorSettings}.
 *
 * <p>Narayana reads its configuration once, from system properties, when its first class loads; so
 * {@link #configure} must run before anything else touches Narayana.
 */
final class NarayanaRuntime {

  private RecoveryManager recoveryManager;
  private ScheduledExecutorService watchdog;

  static void configure(CoordinatorSettings settings) {
    Path store = settings.storeDir();
    // Every store Narayana knows about lives under the one directory, so nothing lands in cwd.
    set("ObjectStoreEnvironmentBean.objectStoreDir", store.toString());
    set("ObjectStoreEnvironmentBean.communicationStore.objectStoreDir", store.toString());
    set("ObjectStoreEnvironmentBean.stateStore.objectStoreDir", store.toString());
    set("ObjectStoreEnvironmentBean.objectStoreSync", Boolean.toString(settings.storeSync()));
    // LRA records are rewritten as they progress; never in place (see AtomicFileStore).
    moveRecordsOfTheDefaultStore(store);
    set("ObjectStoreEnvironmentBean.objectStoreType", AtomicFileStore.class.getName());
    set(
        "RecoveryEnvironmentBean.periodicRecoveryPeriod",
        Integer.toString(settings.recoveryPeriodSeconds()));
    set(
        "RecoveryEnvironmentBean.recoveryBackoffPeriod",
        Integer.toString(settings.recoveryBackoffSeconds()));
    // No TCP side channels: several coordinators (tests beside a running stack) share one host.
    set("RecoveryEnvironmentBean.recoveryListener", "false");
    set("CoordinatorEnvironmentBean.transactionStatusManagerEnable", "false");
  }

  /**
   * A store written before {@link AtomicFileStore} was in use keeps its LRAs: its records move to
   * where that store looks for them (the store's directory is named after its class).
   */
  static void moveRecordsOfTheDefaultStore(Path store) {
    Path before = store.resolve("ShadowNoFileLockStore").resolve("defaultStore");
    Path now = store.resolve(AtomicFileStore.class.getSimpleName()).resolve("defaultStore");
    if (Files.isDirectory(before) && !Files.exists(now)) {
      try {
        Files.createDirectories(now.getParent());
        Files.move(before, now, StandardCopyOption.ATOMIC_MOVE);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot move the LRA records " + before + " to " + now, e);
      }
    }
  }

  /**
   * Installs the LRA record types, repairs the LRAs a crash left half-ended ({@link StrandedLra}),
   * starts periodic recovery and runs one recovery pass synchronously, so LRAs from the store are
   * known before the first request arrives.
   *
   * @return the number of LRAs known after the pass (active or recovering)
   */
  int start(CoordinatorSettings settings, CoordinatorMetrics metrics) throws Exception {
    Implementations.install();
    // Before recovery runs: LRAs a crash cut off mid-close/cancel would otherwise never end.
    StrandedLras.requeueAll();
    recoveryManager = RecoveryManager.manager();
    recoveryManager.addModule(metrics.recoveryPassCounter());
    LRARecoveryModule.getInstance().recover();
    metrics.recoveryPassRan();
    metrics.countLrasOf(() -> LRARecoveryModule.getService().getAll());
    startWatchdog(Duration.ofSeconds(settings.recoveryPeriodSeconds()));
    return LRARecoveryModule.getService().getAll().size();
  }

  /**
   * Each recovery period, cancels the LRAs Narayana's timer missed ({@link OverdueLras}) and
   * forgets stale copies its recovery left on the list ({@link VanishedLras}).
   */
  private void startWatchdog(Duration period) {
    OverdueLras overdue =
        new OverdueLras(LRARecoveryModule.getService(), period, Clock.systemUTC());
    watchdog =
        Executors.newSingleThreadScheduledExecutor(
            task -> {
              Thread thread = new Thread(task, "overdue-lras");
              thread.setDaemon(true);
              return thread;
            });
    VanishedLras vanished =
        new VanishedLras(LRARecoveryModule.getService(), StoreManager.getRecoveryStore());
    watchdog.scheduleWithFixedDelay(
        () -> {
          overdue.cancelOverdue();
          vanished.forgetVanished();
        },
        period.toMillis(),
        period.toMillis(),
        TimeUnit.MILLISECONDS);
  }

  void stop() {
    if (watchdog != null) {
      watchdog.shutdownNow();
      watchdog = null;
    }
    if (recoveryManager != null) {
      recoveryManager.terminate();
      recoveryManager = null;
    }
    Implementations.uninstall();
  }

  private static void set(String key, String value) {
    if (System.getProperty(key) == null) {
      System.setProperty(key, value);
    }
  }
}
