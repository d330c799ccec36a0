package com.example.ordersaga.completion;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

/**
 * The whole partner stand-in on a random port and a private in-memory H2 (the system's H2 options).
 * One shared Spring context for every test class that uses it.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(
    webEnvironment = WebEnvironment.RANDOM_PORT,
    properties =
        "spring.datasource.url=jdbc:h2:mem:completion-${random.uuid};DB_CLOSE_DELAY=-1;"
            + "${ordersaga.h2-options}")
public @interface CompletionApiOnH2 {}
