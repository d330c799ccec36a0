package com.example.ordersaga.routes.plan;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.util.List;

/** Body of {@code POST /api/orders} (design.md §3). {@code pointsToUse} defaults to 0. */
public record PlaceOrderRequest(
    @NotBlank @Size(max = 64) @Pattern(regexp = PRINTABLE, message = NO_CONTROLS) String userId,
    @NotNull @Size(min = 1, max = 50) List<@NotNull @Valid Item> items,
    @PositiveOrZero Long pointsToUse,
    @NotNull PaymentMethod paymentMethod) {

  /** One order line. */
  public record Item(
      @NotBlank @Size(max = 64) @Pattern(regexp = PRINTABLE, message = NO_CONTROLS)
          String productId,
      @NotNull @Min(1) @Max(1000) Integer quantity) {}

  /**
   * Ids are text: no control characters (a NUL cannot even be stored in a PostgreSQL text column).
   */
  static final String PRINTABLE = "\\P{Cntrl}*";

  static final String NO_CONTROLS = "must not contain control characters";

  public long points() {
    return pointsToUse == null ? 0 : pointsToUse;
  }
}
