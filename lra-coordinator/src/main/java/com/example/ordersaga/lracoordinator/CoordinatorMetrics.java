package com.example.ordersaga.lracoordinator;

import com.arjuna.ats.arjuna.recovery.RecoveryModule;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.narayana.lra.LRAData;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.eclipse.microprofile.lra.annotation.LRAStatus;

/**
 * The coordinator's metrics, in the Prometheus format the Spring Boot deployables expose ({@code
 * GET /metrics}, {@link MetricsResource}): the LRAs it knows by status, the latency of each kind of
 * request (start, join, close, cancel…), the recovery passes, and the JVM's own series.
 */
final class CoordinatorMetrics {

  /** The latencies worth telling apart: an fsync is a few ms, a participant's callback more. */
  private static final Duration[] LATENCY_BUCKETS = {
    Duration.ofMillis(1), Duration.ofMillis(2), Duration.ofMillis(5), Duration.ofMillis(10),
    Duration.ofMillis(25), Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofMillis(250),
    Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofMillis(2500), Duration.ofSeconds(5)
  };

  private final PrometheusMeterRegistry registry =
      new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private final Counter recoveryPasses;
  private Supplier<List<LRAData>> lras = List::of;
  private volatile Map<LRAStatus, Long> census = Map.of();

  CoordinatorMetrics() {
    registry.config().commonTags("application", "lra-coordinator");
    new JvmMemoryMetrics().bindTo(registry);
    new JvmGcMetrics().bindTo(registry);
    new JvmThreadMetrics().bindTo(registry);
    new ClassLoaderMetrics().bindTo(registry);
    new UptimeMetrics().bindTo(registry);
    recoveryPasses =
        Counter.builder("lra.coordinator.recovery.passes")
            .description("Recovery passes run over the object store (periodic and at start-up)")
            .register(registry);
    for (LRAStatus status : LRAStatus.values()) {
      Gauge.builder("lra.coordinator.lras", () -> census.getOrDefault(status, 0L))
          .description("LRAs this coordinator knows, by status (ended ones leave the store)")
          .tag("status", status.name())
          .register(registry);
    }
  }

  /** Where the LRAs are read from once Narayana runs. */
  void countLrasOf(Supplier<List<LRAData>> allLras) {
    this.lras = allLras;
  }

  /** The synchronous pass at start-up, which runs outside the recovery manager. */
  void recoveryPassRan() {
    recoveryPasses.increment();
  }

  /** Counts Narayana's periodic recovery passes: registered with its recovery manager. */
  RecoveryModule recoveryPassCounter() {
    return new RecoveryModule() {
      @Override
      public void periodicWorkFirstPass() {}

      @Override
      public void periodicWorkSecondPass() {
        recoveryPasses.increment();
      }
    };
  }

  void requestTook(String operation, int status, long nanos) {
    Timer.builder("lra.coordinator.requests")
        .description("Requests to the coordinator by operation and HTTP status, until answered")
        .tags(Tags.of("operation", operation, "status", Integer.toString(status)))
        .serviceLevelObjectives(LATENCY_BUCKETS)
        .register(registry)
        .record(Duration.ofNanos(nanos));
  }

  /** Counts the LRAs once for the whole scrape (not once per status), then writes every series. */
  synchronized String scrape() {
    Map<LRAStatus, Long> counted = new EnumMap<>(LRAStatus.class);
    for (LRAData lra : lras.get()) {
      if (lra.getStatus() != null) {
        counted.merge(lra.getStatus(), 1L, Long::sum);
      }
    }
    census = counted;
    return registry.scrape();
  }
}
