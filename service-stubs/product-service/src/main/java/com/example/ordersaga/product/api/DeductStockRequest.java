package com.example.ordersaga.product.api;

import com.example.ordersaga.common.logging.OrderScoped;
import com.example.ordersaga.product.domain.StockLine;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;

/** Body of {@code POST /stock/deductions}: the orchestrator's stock-deduct step. */
public record DeductStockRequest(
    @NotBlank @Size(max = 64) String orderId,
    @NotNull @Size(min = 1, max = 50) List<@NotNull @Valid Item> items)
    implements OrderScoped {

  /** One order line. */
  public record Item(
      @NotBlank @Size(max = 64) String productId, @NotNull @Min(1) @Max(1000) Integer quantity) {}

  public List<StockLine> lines() {
    return items.stream().map(item -> new StockLine(item.productId(), item.quantity())).toList();
  }
}
