package com.example.ordersaga.common.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.junit.jupiter.api.Test;

class PrometheusConventionsTest {

  private final PrometheusMeterRegistry registry =
      new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);

  PrometheusConventionsTest() {
    registry.config().meterFilter(new PrometheusConventions());
  }

  @Test
  void labelNamesAreSnakeCase() {
    Counter.builder("camel.exchanges")
        .description("exchanges")
        .tags("routeId", "order-saga", "camelContext", "orchestrator", "kind", "CamelRoute")
        .register(registry)
        .increment();

    assertThat(registry.scrape())
        .contains(
            "route_id=\"order-saga\"", "camel_context=\"orchestrator\"", "kind=\"CamelRoute\"")
        .doesNotContain("routeId", "camelContext");
  }

  @Test
  void aLibraryMeterWithoutHelpGetsOne() {
    Timer.builder("camel.exchange.event.notifier")
        .tag("eventType", "ExchangeCompleted")
        .register(registry);
    Gauge.builder("app.info", () -> 1).description("").register(registry);

    assertThat(registry.scrape())
        .contains(
            "# HELP camel_exchange_event_notifier_seconds Camel exchange events",
            "event_type=\"ExchangeCompleted\"",
            "# HELP app_info Camel's version");
  }

  @Test
  void ownDescriptionsAreKept() {
    Counter.builder("saga.orders").description("Orders whose saga ended").register(registry);

    assertThat(registry.scrape()).contains("# HELP saga_orders_total Orders whose saga ended");
  }

  @Test
  void metersWhoseNamesBreakTheRulesAreLeftOut() {
    Counter.builder("process.cpu.time").baseUnit("ns").description("cpu").register(registry);
    Counter.builder("jvm.compilation.time").baseUnit("ms").description("jit").register(registry);
    Gauge.builder("system.cpu.count", () -> 2).description("cpus").register(registry);
    Counter.builder("tomcat.sessions.created").description("").register(registry);

    assertThat(registry.scrape())
        .doesNotContain("process_cpu_time", "jvm_compilation_time", "system_cpu_count", "tomcat_");
  }

  @Test
  void camelsTracingObservationsMakeNoTimers() {
    Timer.builder("/orders/{orderId}/completion")
        .tags("camel.uri", "rest://put:/orders", "component", "camel-rest")
        .register(registry);
    Timer.builder("/lra-participant/compensate").register(registry);
    Timer.builder("camel.component").register(registry);

    assertThat(registry.scrape())
        .doesNotContain("orders", "camel-rest", "lra_participant", "camel_component");
  }

  @Test
  void snakeCaseOfCamelCase() {
    assertThat(PrometheusConventions.snakeCase("routeId")).isEqualTo("route_id");
    assertThat(PrometheusConventions.snakeCase("endpointName")).isEqualTo("endpoint_name");
    assertThat(PrometheusConventions.snakeCase("application")).isEqualTo("application");
    assertThat(PrometheusConventions.snakeCase("camel.version")).isEqualTo("camel.version");
  }
}
