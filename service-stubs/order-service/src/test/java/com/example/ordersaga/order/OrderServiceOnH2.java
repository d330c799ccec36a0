package com.example.ordersaga.order;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

/**
 * The whole service on a random port and a private in-memory H2 (the system's H2 options), with an
 * LRA coordinator URL where nothing listens and no Kafka: tests call the beans or the endpoints
 * that never reach the coordinator. One shared Spring context for every test class that uses it;
 * the event tests add {@link TestProperties#WITH_KAFKA} and a broker of their own.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(
    webEnvironment = WebEnvironment.RANDOM_PORT,
    properties = {
      TestProperties.IN_MEMORY_DATABASE,
      TestProperties.NO_COORDINATOR,
      TestProperties.NO_KAFKA
    })
public @interface OrderServiceOnH2 {}
