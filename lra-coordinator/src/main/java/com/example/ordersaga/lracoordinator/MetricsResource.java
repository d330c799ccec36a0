package com.example.ordersaga.lracoordinator;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;

/** {@code GET /metrics}: {@link CoordinatorMetrics} for Prometheus. A read: no token needed. */
@Path("metrics")
public class MetricsResource {

  private final CoordinatorMetrics metrics;

  MetricsResource(CoordinatorMetrics metrics) {
    this.metrics = metrics;
  }

  @GET
  @Produces("text/plain; version=0.0.4; charset=utf-8")
  public String scrape() {
    return metrics.scrape();
  }
}
