package com.example.ordersaga.bench.twopc;

import jakarta.transaction.TransactionManager;
import java.nio.file.Path;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Narayana's JTA transaction manager, configured like production: a file object store with every
 * write synced ({@code objectStoreSync}, {@code transactionSync}), so each 2PC decision is on disk
 * before the second phase. Narayana reads its configuration once, from system properties, when its
 * first class loads; so the first call's store directory holds for the JVM's life.
 */
public final class NarayanaJta {

  /** Held, or JUL forgets the level: Narayana logs an INFO line per start-up otherwise. */
  private static final Logger NARAYANA_LOG = Logger.getLogger("com.arjuna");

  private static Path storeDir;

  private NarayanaJta() {}

  public static synchronized TransactionManager transactionManager(Path store) {
    if (storeDir == null) {
      configure(store.toAbsolutePath());
      storeDir = store.toAbsolutePath();
    }
    return com.arjuna.ats.jta.TransactionManager.transactionManager();
  }

  /** The object store in use (the first directory asked for). */
  public static synchronized Path storeDir() {
    return storeDir;
  }

  private static void configure(Path store) {
    NARAYANA_LOG.setLevel(Level.WARNING);
    // Every store under the one directory, so nothing lands in the working directory.
    System.setProperty("ObjectStoreEnvironmentBean.objectStoreDir", store.toString());
    System.setProperty(
        "ObjectStoreEnvironmentBean.communicationStore.objectStoreDir", store.toString());
    System.setProperty("ObjectStoreEnvironmentBean.stateStore.objectStoreDir", store.toString());
    System.setProperty("ObjectStoreEnvironmentBean.objectStoreSync", "true");
    System.setProperty("ObjectStoreEnvironmentBean.transactionSync", "true");
    System.setProperty("CoreEnvironmentBean.nodeIdentifier", "bench");
    // No TCP side channel: the bench runs beside a live stack and its coordinator.
    System.setProperty("CoordinatorEnvironmentBean.transactionStatusManagerEnable", "false");
  }
}
