package com.example.ordersaga.routes.saga;

import static com.example.ordersaga.routes.saga.SagaStep.call;
import static com.example.ordersaga.routes.saga.SagaStep.segment;

import java.util.List;

/**
 * The order saga, step by step, each beside its compensation (docs/design.md §1). The saga route
 * runs these in order and the route tests take their step lists from here. A step whose service
 * joins the LRA is compensated by the coordinator calling that service back; the others leave
 * nothing to undo.
 */
public final class OrderSagaSteps {

  public static final List<SagaStep> STEPS =
      List.of(
          call(
                  "order-create",
                  "order-service",
                  "POST",
                  plan -> "/orders",
                  StepRequests::orderCreate)
              .withCompensation("order-cancel", "the order CANCELLED"),
          call(
                  "payment-validate",
                  "payment-service",
                  "POST",
                  plan -> "/payments/validations",
                  StepRequests::payment)
              .withoutCompensation("a validation keeps no state"),
          call(
                  "point-deduct",
                  "point-service",
                  "POST",
                  plan -> "/points/" + segment(plan.userId()) + "/deductions",
                  StepRequests::pointDeduction)
              .withCompensation("point-refund", "the points refunded"),
          call(
                  "payment-save",
                  "payment-service",
                  "POST",
                  plan -> "/payments",
                  StepRequests::payment)
              .withCompensation("payment-cancel", "the payment CANCELLED"),
          call(
                  "stock-deduct",
                  "product-service",
                  "POST",
                  plan -> "/stock/deductions",
                  StepRequests::stockDeduction)
              .withCompensation("stock-restore", "the stock restored"),
          call(
                  "order-complete",
                  "order-service",
                  "PUT",
                  plan -> "/orders/" + segment(plan.orderId()) + "/completion",
                  plan -> null)
              .withoutCompensation("order-create's compensation cancels the order"));

  private OrderSagaSteps() {}

  public static List<String> names() {
    return STEPS.stream().map(SagaStep::name).toList();
  }
}
