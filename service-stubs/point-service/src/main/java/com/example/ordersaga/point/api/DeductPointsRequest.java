package com.example.ordersaga.point.api;

import com.example.ordersaga.common.logging.OrderScoped;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

/** Body of {@code POST /points/{userId}/deductions}: the orchestrator's point-deduct step. */
public record DeductPointsRequest(
    @NotBlank @Size(max = 64) String orderId, @NotNull @PositiveOrZero Long points)
    implements OrderScoped {}
