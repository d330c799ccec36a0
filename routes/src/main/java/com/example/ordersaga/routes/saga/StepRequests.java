package com.example.ordersaga.routes.saga;

import com.example.ordersaga.routes.plan.OrderPlan;
import java.util.List;
import java.util.Map;

/** The body each service step expects (service-stubs/README.md), built from the plan. */
public final class StepRequests {

  private StepRequests() {}

  public static Map<String, Object> orderCreate(OrderPlan plan) {
    return Map.of(
        "orderId", plan.orderId(),
        "userId", plan.userId(),
        "items",
            plan.lines().stream()
                .map(
                    line ->
                        Map.of(
                            "productId", line.productId(),
                            "quantity", line.quantity(),
                            "unitPrice", line.unitPrice()))
                .toList(),
        "totalAmount", plan.totalAmount(),
        "pointsUsed", plan.pointsUsed(),
        "paidAmount", plan.paidAmount(),
        "paymentMethod", plan.paymentMethod().name());
  }

  public static Map<String, Object> payment(OrderPlan plan) {
    return Map.of(
        "orderId", plan.orderId(),
        "userId", plan.userId(),
        "paymentMethod", plan.paymentMethod().name(),
        "totalAmount", plan.totalAmount(),
        "pointsUsed", plan.pointsUsed(),
        "paidAmount", plan.paidAmount());
  }

  public static Map<String, Object> pointDeduction(OrderPlan plan) {
    return Map.of("orderId", plan.orderId(), "points", plan.pointsUsed());
  }

  public static Map<String, Object> stockDeduction(OrderPlan plan) {
    List<Map<String, Object>> items =
        plan.lines().stream()
            .map(
                line ->
                    Map.<String, Object>of(
                        "productId", line.productId(), "quantity", line.quantity()))
            .toList();
    return Map.of("orderId", plan.orderId(), "items", items);
  }
}
