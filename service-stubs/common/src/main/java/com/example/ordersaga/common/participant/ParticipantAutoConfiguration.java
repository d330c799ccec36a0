package com.example.ordersaga.common.participant;

import com.example.ordersaga.common.ServiceAutoConfiguration;
import com.example.ordersaga.common.participant.callback.CallbackSigning;
import com.example.ordersaga.common.participant.errors.RequestValidator;
import com.example.ordersaga.common.participant.faults.FaultInjection;
import com.example.ordersaga.common.participant.ledger.ParticipantSteps;
import com.example.ordersaga.common.participant.ledger.StepLedger;
import com.example.ordersaga.common.participant.ledger.StepMetrics;
import com.example.ordersaga.common.participant.sql.SqlGateway;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A domain service's participant machinery: the step ledger, fault injection and the step runner
 * behind {@link ParticipantRouteBuilder}. The orchestrator, which takes part in no step, excludes
 * it.
 */
@AutoConfiguration(after = ServiceAutoConfiguration.class)
public class ParticipantAutoConfiguration {

  @Bean
  StepLedger stepLedger(SqlGateway sql) {
    return new StepLedger(sql);
  }

  @Bean
  FaultInjection faultInjection(ParticipantProperties properties) {
    return new FaultInjection(properties.faultInjection(), properties.slowDelay());
  }

  @Bean
  StepMetrics stepMetrics(
      MeterRegistry registry, @Value("${spring.application.name}") String service) {
    return new StepMetrics(registry, service);
  }

  @Bean
  ParticipantSteps participantSteps(
      PlatformTransactionManager transactionManager,
      StepLedger ledger,
      FaultInjection faults,
      ObjectMapper json,
      StepMetrics metrics) {
    return new ParticipantSteps(
        new TransactionTemplate(transactionManager), ledger, faults, json, metrics);
  }

  @Bean
  ParticipantRouting participantRouting(
      ObjectProvider<CallbackSigning> signing, RequestValidator validator, ParticipantSteps steps) {
    return new ParticipantRouting(signing.getIfAvailable(), validator, steps);
  }
}
