package com.example.ordersaga.lracoordinator;

import io.narayana.lra.coordinator.api.Coordinator;
import io.narayana.lra.coordinator.api.CoordinatorContainerFilter;
import jakarta.ws.rs.core.Application;
import java.util.HashSet;
import java.util.Set;

/**
 * The JAX-RS application: Narayana's coordinator resource plus our readiness probe and metrics, and
 * with a token the filter that guards every change of an LRA.
 */
public class CoordinatorApplication extends Application {

  private final String token;
  private final CoordinatorMetrics metrics;

  /**
   * @param token the credential every call that changes an LRA must carry, or null for an open API
   */
  CoordinatorApplication(String token, CoordinatorMetrics metrics) {
    this.token = token;
    this.metrics = metrics;
  }

  @Override
  public Set<Object> getSingletons() {
    Set<Object> singletons = new HashSet<>();
    singletons.add(new RequestTimer(metrics));
    singletons.add(new MetricsResource(metrics));
    if (token != null) {
      singletons.add(new CoordinatorTokenFilter(token));
    }
    return singletons;
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
