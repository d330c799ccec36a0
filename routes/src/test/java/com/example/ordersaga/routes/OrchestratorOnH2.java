package com.example.ordersaga.routes;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.apache.camel.test.spring.junit5.CamelSpringBootTest;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * An in-process orchestrator on its own H2 database, on a random port: Camel's in-memory saga
 * service instead of the LRA coordinator (the test supplies it), no Kafka, a 2 s saga time limit.
 * Camel's JMX is off, as Camel's test support sets it for a test class without {@code
 * DisableJmx(false)} of its own (which it does not look for here): the console tests declare it.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@CamelSpringBootTest
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "camel.lra.enabled=false",
      "ordersaga.notifier.enabled=false",
      // No Kafka here: neither the notifier nor the topic creation.
      "spring.autoconfigure.exclude=com.example.ordersaga.common.events.EventsAutoConfiguration",
      "ordersaga.saga.timeout=2s",
      "spring.datasource.url=jdbc:h2:mem:orchestrator-test;DB_CLOSE_DELAY=-1;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE"
    })
public @interface OrchestratorOnH2 {}
