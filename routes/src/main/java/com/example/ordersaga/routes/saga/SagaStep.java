package com.example.ordersaga.routes.saga;

import com.example.ordersaga.routes.plan.OrderPlan;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.function.Function;

/**
 * One row of the saga's step table: the step's name (as the services and {@code X-Simulate-Failure}
 * know it), the service that does it (a key of {@code ordersaga.urls}), the HTTP call built from
 * the plan, and the compensation that service registers when it joins the LRA.
 */
public record SagaStep(
    String name,
    String service,
    String method,
    Function<OrderPlan, String> path,
    Function<OrderPlan, Object> body,
    Compensation compensation) {

  /** A step calling {@code service}; say next how it is undone. */
  public static SagaStep call(
      String name,
      String service,
      String method,
      Function<OrderPlan, String> path,
      Function<OrderPlan, Object> body) {
    return new SagaStep(name, service, method, path, body, null);
  }

  /** The service joins the LRA with {@code route}, which undoes the step: {@code effect}. */
  public SagaStep withCompensation(String route, String effect) {
    return new SagaStep(name, service, method, path, body, new Compensation(route, effect));
  }

  /** The service does not join the LRA: nothing of this step needs undoing, for {@code why}. */
  public SagaStep withoutCompensation(String why) {
    return new SagaStep(name, service, method, path, body, new Compensation(null, why));
  }

  /** Whether the service joins the LRA (and the coordinator calls it back) for this step. */
  public boolean joinsTheLra() {
    return compensation.route() != null;
  }

  /** The route id of the orchestrator's call of this step. */
  public String routeId() {
    return "step-" + name;
  }

  public String endpoint() {
    return "direct:" + name;
  }

  /**
   * What undoes a step: the service's compensation route and its effect, or (no route) why none is
   * needed.
   */
  public record Compensation(String route, String effect) {}

  /** A path segment from user input, so an id cannot change the URL's structure. */
  public static String segment(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
