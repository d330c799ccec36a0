package com.example.ordersaga.common;

import com.example.ordersaga.common.json.StrictTextModule;
import com.example.ordersaga.common.lifecycle.ReadinessDrain;
import com.example.ordersaga.common.lra.AuthorizedLraSagaService;
import com.example.ordersaga.common.lra.CoordinatorToken;
import com.example.ordersaga.common.metrics.PrometheusConventions;
import com.example.ordersaga.common.participant.ParticipantProperties;
import com.example.ordersaga.common.participant.callback.CallbackAuthenticationFilter;
import com.example.ordersaga.common.participant.callback.CallbackSigning;
import com.example.ordersaga.common.participant.callback.CallbackTokens;
import com.example.ordersaga.common.participant.errors.RequestValidator;
import com.example.ordersaga.common.participant.sql.SqlGateway;
import com.example.ordersaga.common.web.ManagementLoginFilter;
import com.example.ordersaga.common.web.NotStartedFilter;
import com.example.ordersaga.common.web.ResponseHeaderFilter;
import com.example.ordersaga.common.web.Utf8JsonBodyFilter;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.validation.Validator;
import java.io.IOException;
import java.time.Duration;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.saga.CamelSagaService;
import org.apache.camel.service.lra.springboot.LraServiceConfiguration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;

/**
 * What every deployable of the system gets by depending on this module, the orchestrator as well as
 * the services: SQL access, request validation, strict UTF-8 JSON bodies, the start-up guard, and
 * the signing and checking of the coordinator's callbacks and the coordinator's token on every call
 * to it (with camel-lra on the class path). The participants' own machinery (ledger, fault
 * injection) is {@link com.example.ordersaga.common.participant.ParticipantAutoConfiguration}.
 */
// Before camel-lra's own: its saga service backs off for ours.
@AutoConfiguration(
    beforeName = "org.apache.camel.service.lra.springboot.LraServiceAutoConfiguration")
@EnableConfigurationProperties(ParticipantProperties.class)
public class ServiceAutoConfiguration {

  /** Applied by Spring Boot to every meter registry: the Prometheus naming rules. */
  @Bean
  PrometheusConventions prometheusConventions() {
    return new PrometheusConventions();
  }

  @Bean
  SqlGateway sqlGateway(ProducerTemplate producer) {
    return new SqlGateway(producer);
  }

  /** Referenced by {@code camel.rest.endpoint-property.headerFilterStrategy} (shared config). */
  @Bean
  ResponseHeaderFilter responseHeaderFilter() {
    return new ResponseHeaderFilter();
  }

  @Bean
  RequestValidator requestValidator(Validator validator) {
    return new RequestValidator(validator);
  }

  /**
   * Tomcat binds its port when it is created, seconds before it serves: a callback sent then sat
   * unanswered in the backlog until the coordinator's 2 s participant timeout. Bound when it
   * starts, the port refuses instead, and the coordinator simply retries.
   */
  @Bean
  WebServerFactoryCustomizer<TomcatServletWebServerFactory> bindWhenStarted() {
    return factory ->
        factory.addConnectorCustomizers(connector -> connector.setProperty("bindOnInit", "false"));
  }

  /** On SIGTERM: not-ready first, still serving while the load balancer notices. */
  @Bean
  ReadinessDrain readinessDrain(
      ApplicationEventPublisher events, @Value("${ordersaga.shutdown.drain:0s}") Duration drain) {
    return new ReadinessDrain(events, drain);
  }

  /** Before every other filter: nothing reaches a route that has not started yet. */
  @Bean
  FilterRegistrationBean<NotStartedFilter> notStartedFilter(CamelContext camel, ObjectMapper json)
      throws IOException {
    FilterRegistrationBean<NotStartedFilter> registration =
        new FilterRegistrationBean<>(new NotStartedFilter(camel, json));
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
    return registration;
  }

  /**
   * After Spring Security's chain (order -100) where there is one, so a console request is
   * authenticated before its body is read; before every route, which would decode the body
   * leniently.
   */
  @Bean
  FilterRegistrationBean<Utf8JsonBodyFilter> utf8JsonBodyFilter(ObjectMapper json) {
    FilterRegistrationBean<Utf8JsonBodyFilter> registration =
        new FilterRegistrationBean<>(new Utf8JsonBodyFilter(json));
    registration.setOrder(0);
    return registration;
  }

  /**
   * The management login on the services, which have no Spring Security (the orchestrator's own
   * configuration asks for the same): always on Jolokia, remote JMX that can stop a route; in
   * profile prod on the metrics too. The password has no default there: a deployable without
   * HAWTIO_PASSWORD does not start.
   */
  @Bean
  @ConditionalOnMissingClass("org.springframework.security.web.SecurityFilterChain")
  FilterRegistrationBean<ManagementLoginFilter> managementLoginFilter(
      @Value("${ordersaga.management.username}") String username,
      @Value("${ordersaga.management.password}") String password,
      @Value("${ordersaga.management.secured}") boolean secured,
      ObjectMapper json)
      throws IOException {
    if (password.isBlank()) {
      throw new IllegalStateException("HAWTIO_PASSWORD is required: the management login");
    }
    FilterRegistrationBean<ManagementLoginFilter> registration =
        new FilterRegistrationBean<>(new ManagementLoginFilter(username, password, json));
    registration.addUrlPatterns("/actuator/jolokia", "/actuator/jolokia/*");
    if (secured) {
      registration.addUrlPatterns("/actuator/prometheus");
    }
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
    return registration;
  }

  /** Spring Boot adds it to the ObjectMapper that the REST bindings read request bodies with. */
  @Bean
  StrictTextModule strictTextModule() {
    return new StrictTextModule();
  }

  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass(name = "org.apache.camel.service.lra.LRASagaService")
  @EnableConfigurationProperties(LraServiceConfiguration.class)
  static class LraCallbacks {

    @Bean
    CoordinatorToken coordinatorToken(
        @Value("${ordersaga.coordinator-token:}") String token, Environment environment) {
      return CoordinatorToken.of(token, environment.acceptsProfiles(Profiles.of("prod")));
    }

    /** camel-lra's saga service, sending the coordinator's token (the orchestrator has its own). */
    @Bean
    @ConditionalOnMissingBean(CamelSagaService.class)
    @ConditionalOnProperty(name = "camel.lra.enabled", havingValue = "true")
    AuthorizedLraSagaService lraSagaService(CoordinatorToken token, LraServiceConfiguration lra) {
      return new AuthorizedLraSagaService(token).configuredBy(lra);
    }

    @Bean
    CallbackTokens callbackTokens(
        ParticipantProperties properties, @Value("${spring.application.name}") String service) {
      return new CallbackTokens(properties.callbackSecret(), service);
    }

    @Bean
    CallbackSigning callbackSigning(CallbackTokens tokens) {
      return new CallbackSigning(tokens);
    }

    @Bean
    FilterRegistrationBean<CallbackAuthenticationFilter> callbackAuthenticationFilter(
        CallbackTokens tokens, ObjectMapper json) {
      FilterRegistrationBean<CallbackAuthenticationFilter> registration =
          new FilterRegistrationBean<>(new CallbackAuthenticationFilter(tokens, json));
      registration.addUrlPatterns("/lra-participant/*");
      return registration;
    }
  }
}
