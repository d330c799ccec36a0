package com.example.ordersaga.bench.saga;

/** The stack's endpoints, from the variables run.sh exports (same defaults). */
record StackUrls(String orchestrator, String pointService, String productService) {

  static StackUrls fromEnvironment() {
    return new StackUrls(
        env("ORCHESTRATOR_URL", "http://localhost:8080"),
        env("POINT_SERVICE_URL", "http://localhost:8083"),
        env("PRODUCT_SERVICE_URL", "http://localhost:8084"));
  }

  private static String env(String name, String fallback) {
    String value = System.getenv(name);
    return value == null || value.isBlank() ? fallback : value;
  }
}
