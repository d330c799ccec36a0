package com.example.ordersaga.common.tracing;

import io.micrometer.observation.ObservationRegistry;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import org.apache.camel.CamelContext;
import org.apache.camel.observation.MicrometerObservationTracer;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;

/**
 * One trace per order across every process: Camel's routes and endpoints become observations of
 * Spring Boot's registry (spans through Micrometer Tracing on OpenTelemetry, exported to Zipkin),
 * and the trace context travels in the HTTP and Kafka headers Camel sends. What the spans look like
 * is {@link SpanShapingAutoConfiguration}.
 */
@AutoConfiguration(
    afterName =
        "org.springframework.boot.actuate.autoconfigure.tracing.MicrometerTracingAutoConfiguration")
@ConditionalOnBean(Tracer.class)
// As SpanShapingAutoConfiguration: with tracing off (tests, SAGA_ZIPKIN=off) Boot still gives a
// no-op Tracer, and Camel then needs no tracer of its own.
@ConditionalOnProperty(name = "management.tracing.enabled", matchIfMissing = true)
public class TracingAutoConfiguration {

  /**
   * Camel traces every route and endpoint but these. Polls (the outbox relay's, the sweepers')
   * would each be a trace of their own, every second; in a service, a {@code direct:} hop from its
   * REST route to the step's route is two more spans per request inside the one its HTTP server
   * span already shows (the orchestrator keeps them: there they are the saga's steps).
   */
  static final String EXCLUDED_ENDPOINTS = "sql:*,timer:*,direct:*";

  @Bean
  MicrometerObservationTracer camelObservationTracer(
      CamelContext camel,
      Tracer tracer,
      ObservationRegistry observations,
      @Value("${ordersaga.tracing.excluded-endpoints:" + EXCLUDED_ENDPOINTS + "}")
          String excludedEndpoints) {
    MicrometerObservationTracer camelTracer = new MicrometerObservationTracer();
    camelTracer.setTracer(tracer);
    camelTracer.setObservationRegistry(observations);
    camelTracer.setExcludePatterns(excludedEndpoints);
    camelTracer.init(camel);
    return camelTracer;
  }

  /** Right after Spring MVC's observation filter (order HIGHEST_PRECEDENCE + 1) opened its span. */
  @Bean
  FilterRegistrationBean<ServletSpanAsParent> servletSpanAsParent(
      Tracer tracer, Propagator propagator, SagaSpanAttributes attributes) {
    FilterRegistrationBean<ServletSpanAsParent> registration =
        new FilterRegistrationBean<>(new ServletSpanAsParent(tracer, propagator, attributes));
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 2);
    return registration;
  }
}
