package com.example.ordersaga.participant;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.validation.Validator;
import java.io.IOException;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The participant machinery every service gets by depending on this module. The callback filter
 * needs camel-lra; a service that is no saga participant (completion-api) excludes it.
 */
@AutoConfiguration
@EnableConfigurationProperties(ParticipantProperties.class)
public class ParticipantAutoConfiguration {

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
  StepLedger stepLedger(SqlGateway sql) {
    return new StepLedger(sql);
  }

  @Bean
  FaultInjection faultInjection(ParticipantProperties properties) {
    return new FaultInjection(properties.faultInjection(), properties.slowDelay());
  }

  @Bean
  ParticipantSteps participantSteps(
      PlatformTransactionManager transactionManager,
      StepLedger ledger,
      FaultInjection faults,
      ObjectMapper json) {
    return new ParticipantSteps(new TransactionTemplate(transactionManager), ledger, faults, json);
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

  /** Before every other filter: nothing reaches a route that has not started yet. */
  @Bean
  FilterRegistrationBean<NotStartedFilter> notStartedFilter(CamelContext camel, ObjectMapper json)
      throws IOException {
    FilterRegistrationBean<NotStartedFilter> registration =
        new FilterRegistrationBean<>(new NotStartedFilter(camel, json));
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
    return registration;
  }

  @Bean
  ParticipantRouting participantRouting(
      ObjectProvider<CallbackTokens> tokens, RequestValidator validator, ParticipantSteps steps) {
    return new ParticipantRouting(tokens.getIfAvailable(), validator, steps);
  }

  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass(name = "org.apache.camel.service.lra.LRASagaService")
  static class LraCallbacks {

    @Bean
    CallbackTokens callbackTokens(
        ParticipantProperties properties, @Value("${spring.application.name}") String service) {
      return new CallbackTokens(properties.callbackSecret(), service);
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
