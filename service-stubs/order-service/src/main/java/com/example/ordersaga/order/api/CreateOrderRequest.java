package com.example.ordersaga.order.api;

import com.example.ordersaga.common.logging.OrderScoped;
import com.example.ordersaga.order.domain.NewOrder;
import com.example.ordersaga.order.domain.OrderLine;
import com.example.ordersaga.order.domain.PaymentMethod;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.util.List;

/** Body of {@code POST /orders}: the orchestrator's order-create step, the order already priced. */
public record CreateOrderRequest(
    @NotBlank @Size(max = 64) String orderId,
    @NotBlank @Size(max = 64) String userId,
    @NotEmpty @Size(max = 50) List<@NotNull @Valid Item> items,
    @NotNull @PositiveOrZero Long totalAmount,
    @NotNull @PositiveOrZero Long pointsUsed,
    @NotNull @PositiveOrZero Long paidAmount,
    @NotNull PaymentMethod paymentMethod)
    implements OrderScoped {

  /** One order line. */
  public record Item(
      @NotBlank @Size(max = 64) String productId,
      @NotNull @Min(1) @Max(1000) Integer quantity,
      @NotNull @PositiveOrZero Long unitPrice) {}

  NewOrder toNewOrder() {
    return new NewOrder(
        orderId,
        userId,
        items.stream()
            .map(item -> new OrderLine(item.productId(), item.quantity(), item.unitPrice()))
            .toList(),
        totalAmount,
        pointsUsed,
        paidAmount,
        paymentMethod);
  }
}
