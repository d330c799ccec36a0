package com.example.ordersaga.lracoordinator;

import io.narayana.lra.coordinator.api.Coordinator;
import io.narayana.lra.coordinator.api.CoordinatorContainerFilter;
import jakarta.ws.rs.core.Application;
import java.util.Set;

/**
 * The JAX-RS application: Narayana's coordinator resource plus our readiness probe, and with a
 * token the filter that guards every change of an LRA.
 */
public class CoordinatorApplication extends Application {

  private final String token;

  /**
   * @param token the credential every call that changes an LRA must carry, or null for an open API
   */
  public CoordinatorApplication(String token) {
    this.token = token;
  }

  @Override
  public Set<Object> getSingletons() {
    return token == null ? Set.of() : Set.of(new CoordinatorTokenFilter(token));
  }

  @Override
  public Set<Class<?>> getClasses() {
    return Set.of(
        Coordinator.class,
        CoordinatorContainerFilter.class,
        JsonStructureWriter.class,
        HealthResource.class);
  }
}
