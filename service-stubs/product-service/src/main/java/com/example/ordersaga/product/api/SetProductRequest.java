package com.example.ordersaga.product.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

/** Body of {@code PUT /admin/products/{productId}}. */
public record SetProductRequest(
    @NotBlank @Size(max = 200) String name,
    @NotNull @PositiveOrZero Long price,
    @NotNull @PositiveOrZero Long stock) {}
