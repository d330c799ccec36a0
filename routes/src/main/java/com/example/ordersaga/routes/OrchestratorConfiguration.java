package com.example.ordersaga.routes;

import com.example.ordersaga.common.lra.CoordinatorToken;
import com.example.ordersaga.common.participant.errors.RequestValidator;
import com.example.ordersaga.common.participant.sql.SqlGateway;
import com.example.ordersaga.routes.api.JsonBodiesOnly;
import com.example.ordersaga.routes.api.OrderPlacement;
import com.example.ordersaga.routes.api.RequestReader;
import com.example.ordersaga.routes.idempotency.IdempotencyKeys;
import com.example.ordersaga.routes.notify.CompletionCalls;
import com.example.ordersaga.routes.notify.NotifierProperties;
import com.example.ordersaga.routes.pricing.OrderPricing;
import com.example.ordersaga.routes.pricing.ProductServiceQuotes;
import com.example.ordersaga.routes.saga.CoordinatorRoster;
import com.example.ordersaga.routes.saga.SagaDeadline;
import com.example.ordersaga.routes.saga.StepCalls;
import com.example.ordersaga.routes.saga.TimeLimitedLraSagaService;
import com.example.ordersaga.routes.view.SagaMetrics;
import com.example.ordersaga.routes.view.SagaView;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import javax.sql.DataSource;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.processor.idempotent.jdbc.JdbcMessageIdRepository;
import org.apache.camel.service.lra.springboot.LraServiceConfiguration;
import org.apache.camel.spi.IdempotentRepository;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** The orchestrator's beans: plain classes, wired here once. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(NotifierProperties.class)
class OrchestratorConfiguration {

  /** The events whose completion call was made (Flyway creates the table). */
  @Bean
  IdempotentRepository notifiedEvents(DataSource dataSource, PlatformTransactionManager tx) {
    JdbcMessageIdRepository repository =
        new JdbcMessageIdRepository(
            dataSource, new TransactionTemplate(tx), "order-events-notifier");
    repository.setCreateTableIfNotExists(false);
    return repository;
  }

  /**
   * Replaces camel-lra's saga service (same {@code camel.lra.*} settings): the LRAs it starts carry
   * the saga's time limit, so the coordinator ends them even if the orchestrator is gone, and are
   * spread over the coordinators of {@code ordersaga.coordinator-urls}.
   */
  @Bean
  @ConditionalOnProperty(name = "camel.lra.enabled", havingValue = "true")
  TimeLimitedLraSagaService sagaService(
      LraServiceConfiguration lra,
      SagaDeadline deadline,
      CoordinatorToken token,
      @Value("${spring.application.name}") String clientId,
      @Value("${ordersaga.coordinator-urls}") List<String> coordinatorUrls,
      @Value("${ordersaga.coordinator-unreachable-skip:5s}") Duration skipUnreachable) {
    CoordinatorRoster coordinators =
        new CoordinatorRoster(
            coordinatorUrls.stream()
                .map(url -> url.replaceAll("/+$", "") + lra.getCoordinatorContextPath())
                .toList(),
            skipUnreachable,
            Clock.systemUTC());
    TimeLimitedLraSagaService service =
        new TimeLimitedLraSagaService(deadline.timeout(), clientId, token, coordinators);
    service.configuredBy(lra);
    return service;
  }

  @Bean
  FilterRegistrationBean<JsonBodiesOnly> jsonBodiesOnly(ObjectMapper json) {
    FilterRegistrationBean<JsonBodiesOnly> registration =
        new FilterRegistrationBean<>(new JsonBodiesOnly(json));
    registration.addUrlPatterns("/api/*");
    return registration;
  }

  @Bean
  CompletionCalls completionCalls(
      ObjectMapper json, NotifierProperties notifier, MeterRegistry registry) {
    return new CompletionCalls(json, notifier.parkAfter(), Clock.systemUTC(), registry);
  }

  @Bean
  SagaMetrics sagaMetrics(MeterRegistry registry) {
    return new SagaMetrics(registry);
  }

  @Bean
  SagaView sagaView(SqlGateway sql, ObjectMapper json, SagaMetrics metrics) {
    return new SagaView(sql, json, metrics);
  }

  @Bean
  StepCalls stepCalls(
      SagaView view, SagaDeadline deadline, ObjectMapper json, SagaMetrics metrics) {
    return new StepCalls(view, deadline, json, metrics);
  }

  @Bean
  OrderPricing orderPricing(
      ProducerTemplate producer,
      @Value("${ordersaga.urls.product-service}") String productService,
      ObjectMapper json) {
    return new OrderPricing(new ProductServiceQuotes(producer, productService, json));
  }

  @Bean
  IdempotencyKeys idempotencyKeys(
      SqlGateway sql,
      SagaDeadline deadline,
      @Value("${ordersaga.saga.abandon-grace}") Duration abandonGrace,
      @Value("${ordersaga.idempotency.retention}") Duration retention) {
    // A replay waits at most as long as the first request's saga can take; a claim with no order
    // past the time limit and the grace is as dead as an abandoned saga.
    return new IdempotencyKeys(
        sql,
        deadline.timeout().plus(Duration.ofSeconds(10)),
        deadline.timeout().plus(abandonGrace),
        retention);
  }

  @Bean
  RequestReader requestReader(ObjectMapper json, RequestValidator validator) {
    return new RequestReader(json, validator);
  }

  @Bean
  OrderPlacement orderPlacement(
      RequestReader reader,
      IdempotencyKeys keys,
      OrderPricing pricing,
      SagaView view,
      SagaDeadline deadline,
      ObjectMapper json,
      SagaMetrics metrics) {
    return new OrderPlacement(reader, keys, pricing, view, deadline, json, metrics);
  }
}
