package com.example.ordersaga.lracoordinator;

import java.util.Arrays;
import java.util.Map;
import java.util.function.Function;
import org.slf4j.bridge.SLF4JBridgeHandler;

/**
 * The coordinator logs through SLF4J on Logback, as the Spring Boot deployables do: Narayana's,
 * RESTEasy's and Undertow's loggers (JBoss Logging) and whatever uses JUL all end there. Plain text
 * lines by default; one ECS JSON object per line ({@link EcsJsonEncoder}) under the services'
 * {@code json-logs} profile or with {@code lra.coordinator.log-format=json}.
 */
final class CoordinatorLogging {

  static final String JSON_CONFIG = "logback-json.xml";
  static final String TEXT_CONFIG = "logback-text.xml";

  private CoordinatorLogging() {}

  /** Before the first logger exists. */
  static void configure(Function<String, String> properties, Map<String, String> env) {
    setIfAbsent("org.jboss.logging.provider", "slf4j");
    setIfAbsent("logback.configurationFile", json(properties, env) ? JSON_CONFIG : TEXT_CONFIG);
    // JUL's own loggers and handlers stay, its records go to SLF4J; the manager keeps the bridge
    // attached until the shutdown hook has logged the stop.
    setIfAbsent("java.util.logging.manager", ShutdownFriendlyLogManager.class.getName());
    SLF4JBridgeHandler.removeHandlersForRootLogger();
    SLF4JBridgeHandler.install();
  }

  static boolean json(Function<String, String> properties, Map<String, String> env) {
    String format = properties.apply("lra.coordinator.log-format");
    if (format == null) {
      format = env.get("LRA_COORDINATOR_LOG_FORMAT");
    }
    if (format != null && !format.isBlank()) {
      return format.trim().equalsIgnoreCase("json");
    }
    String profiles = env.get("SPRING_PROFILES_ACTIVE");
    return profiles != null
        && Arrays.stream(profiles.split(",")).map(String::trim).anyMatch("json-logs"::equals);
  }

  private static void setIfAbsent(String property, String value) {
    if (System.getProperty(property) == null) {
      System.setProperty(property, value);
    }
  }
}
