package com.example.ordersaga.lracoordinator;

import io.narayana.lra.coordinator.domain.service.LRAService;
import io.narayana.lra.coordinator.internal.Implementations;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Narayana's LRA service in the test's JVM, on a fresh object store (first caller configures). */
final class TempStoreNarayana {

  private TempStoreNarayana() {}

  static LRAService lraService() throws IOException {
    Path store = Files.createTempDirectory("lra-store");
    System.setProperty("ObjectStoreEnvironmentBean.objectStoreDir", store.toString());
    System.setProperty(
        "ObjectStoreEnvironmentBean.communicationStore.objectStoreDir", store.toString());
    System.setProperty("ObjectStoreEnvironmentBean.stateStore.objectStoreDir", store.toString());
    Implementations.install();
    return new LRAService();
  }
}
