package com.example.ordersaga.point.api;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;

/** Body of {@code PUT /admin/points/{userId}}. */
public record SetBalanceRequest(@NotNull @PositiveOrZero Long balance) {}
