package com.example.ordersaga.lracoordinator;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * Readiness probe used by {@code run.sh} and the tests. It answers only once the server is
 * deployed, which happens after the startup recovery pass, so "200" means "LRAs from the store are
 * known and requests are accepted". It touches no LRA, so it stays cheap under load.
 */
@Path("health")
public class HealthResource {

  @GET
  @Produces(MediaType.APPLICATION_JSON)
  public String health() {
    return "{\"status\":\"UP\"}";
  }
}
