package com.example.ordersaga.order.api;

import com.example.ordersaga.common.logging.OrderScoped;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * {@code PUT /orders/{orderId}/completion} carries no body: its path names the order, and this is
 * that path made a request so the step validates it like any other.
 */
public record CompleteOrderRequest(@NotBlank @Size(max = 64) String orderId)
    implements OrderScoped {

  public static CompleteOrderRequest forOrder(String orderId) {
    return new CompleteOrderRequest(orderId);
  }
}
