package com.example.ordersaga.lracoordinator;

import io.narayana.lra.coordinator.api.Coordinator;
import io.narayana.lra.coordinator.api.CoordinatorContainerFilter;
import jakarta.ws.rs.core.Application;
import java.util.Set;

/** The JAX-RS application: Narayana's coordinator resource plus our readiness probe. */
public class CoordinatorApplication extends Application {

  @Override
  public Set<Class<?>> getClasses() {
    return Set.of(
        Coordinator.class,
        CoordinatorContainerFilter.class,
        JsonStructureWriter.class,
        HealthResource.class);
  }
}
