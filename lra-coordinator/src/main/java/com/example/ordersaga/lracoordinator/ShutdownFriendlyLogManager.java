package com.example.ordersaga.lracoordinator;

import java.util.logging.LogManager;

/**
 * JUL resets (silences) every logger in its own shutdown hook, racing ours; this manager defers
 * that reset until our shutdown hook has logged the stop.
 */
public class ShutdownFriendlyLogManager extends LogManager {

  @Override
  public void reset() {
    // Deferred: see resetNow().
  }

  void resetNow() {
    super.reset();
  }

  static void resetIfInstalled() {
    if (LogManager.getLogManager() instanceof ShutdownFriendlyLogManager manager) {
      manager.resetNow();
    }
  }
}
