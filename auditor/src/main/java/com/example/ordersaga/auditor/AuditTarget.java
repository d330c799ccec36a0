package com.example.ordersaga.auditor;

import java.util.List;
import java.util.Map;

/**
 * Where the stack answers: the same environment variables run.sh exports (defaults: the ports of
 * design.md §2 on localhost).
 */
public record AuditTarget(
    String orchestrator,
    String orderService,
    String paymentService,
    String pointService,
    String productService,
    String completionApi,
    List<String> coordinators,
    String kafkaBootstrapServers) {

  public AuditTarget {
    coordinators = List.copyOf(coordinators);
  }

  public static AuditTarget fromEnvironment(Map<String, String> env) {
    return new AuditTarget(
        env.getOrDefault("ORCHESTRATOR_URL", "http://localhost:8080"),
        env.getOrDefault("ORDER_SERVICE_URL", "http://localhost:8081"),
        env.getOrDefault("PAYMENT_SERVICE_URL", "http://localhost:8082"),
        env.getOrDefault("POINT_SERVICE_URL", "http://localhost:8083"),
        env.getOrDefault("PRODUCT_SERVICE_URL", "http://localhost:8084"),
        env.getOrDefault("COMPLETION_API_URL", "http://localhost:8085"),
        // Every coordinator (ha runs two): each holds its own LRAs.
        List.of(
            env.getOrDefault(
                    "LRA_COORDINATOR_URLS",
                    env.getOrDefault("LRA_COORDINATOR_URL", "http://localhost:8090"))
                .split(",")),
        env.getOrDefault("KAFKA_BOOTSTRAP_SERVERS", "localhost:9092"));
  }
}
