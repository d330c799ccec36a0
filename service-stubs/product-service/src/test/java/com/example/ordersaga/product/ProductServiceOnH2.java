package com.example.ordersaga.product;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

/**
 * product-service on a random port and its own in-memory H2 database (PostgreSQL mode, as in
 * production), with a coordinator address nothing listens on: these tests call the participant
 * directly or stop before the saga join, so no coordinator is needed. Classes using it share one
 * application context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(
    webEnvironment = WebEnvironment.RANDOM_PORT,
    properties = {
      ProductServiceOnH2.IN_MEMORY_DATABASE,
      ProductServiceOnH2.NO_COORDINATOR,
      ProductServiceOnH2.SERVLET_NAME + "in-memory"
    })
public @interface ProductServiceOnH2 {

  String IN_MEMORY_DATABASE =
      "spring.datasource.url=jdbc:h2:mem:product-${random.uuid};DB_CLOSE_DELAY=-1;"
          + "${ordersaga.h2-options}";
  String NO_COORDINATOR = "camel.lra.coordinator-url=http://localhost:1";

  /**
   * camel-servlet keeps a JVM-wide registry of servlet names, and cached test contexts live side by
   * side in one JVM: each context names its servlet with this prefix and a suffix of its own.
   */
  String SERVLET_NAME = "camel.servlet.mapping.servlet-name=CamelServlet-";
}
