package com.example.ordersaga.routes.saga;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.function.Function;

/**
 * One service call of the saga: the step's name (as services and {@code X-Simulate-Failure} know
 * it), the HTTP method, the service (a key of {@code ordersaga.urls}), the path and the body.
 */
public record StepSpec(
    String step,
    String method,
    String service,
    Function<OrderPlan, String> path,
    Function<OrderPlan, Object> body) {

  /** A path segment from user input, so an id cannot change the URL's structure. */
  public static String segment(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
