package com.example.ordersaga.common.tracing;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.observation.DefaultMeterObservationHandler;
import io.micrometer.core.instrument.observation.MeterObservationHandler;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationPredicate;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.handler.TracingAwareMeterObservationHandler;
import io.opentelemetry.sdk.trace.samplers.Sampler;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.http.server.observation.ServerRequestObservationContext;

/**
 * Before Spring Boot's OpenTelemetry tracing, which takes these instead of its defaults: the spans
 * of an order tagged with its ids, no servlet duplicates, no traces of health probes.
 */
@AutoConfiguration(
    beforeName = {
      "org.springframework.boot.actuate.autoconfigure.tracing.OpenTelemetryTracingAutoConfiguration",
      "org.springframework.boot.actuate.autoconfigure.observation.ObservationAutoConfiguration"
    })
@ConditionalOnClass(Sampler.class)
@ConditionalOnProperty(name = "management.tracing.enabled", matchIfMissing = true)
public class SpanShapingAutoConfiguration {

  /**
   * In place of Spring Boot's own (tracing-aware, no long-task timers: see
   * management.observations.long-task-timer), for every observation but Camel's tracing ones.
   */
  @Bean
  MeterObservationHandler<Observation.Context> meterObservationHandler(
      MeterRegistry meters, ObjectProvider<Tracer> tracer) {
    return new NoMetersForCamelSpans(
        new TracingAwareMeterObservationHandler<>(
            new DefaultMeterObservationHandler(
                meters, DefaultMeterObservationHandler.IgnoredMeters.LONG_TASK_TIMER),
            tracer.getObject()));
  }

  /** Picked up by Spring Boot's OpenTelemetry tracer provider. */
  @Bean
  SagaSpanAttributes sagaSpanAttributes() {
    return new SagaSpanAttributes();
  }

  /** Health probes (every few hundred ms from run.sh, Prometheus, a balancer) trace nothing. */
  @Bean
  ObservationPredicate noProbeObservations() {
    return (name, context) ->
        !(context instanceof ServerRequestObservationContext request
            && request.getCarrier().getRequestURI().startsWith("/actuator"));
  }
}
