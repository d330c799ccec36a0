package com.example.ordersaga.product.domain;

/**
 * A product with its price and stock, as {@code GET /products/{productId}} answers it (and each
 * element of {@code GET /products}).
 */
public record Product(String productId, String name, long price, long stock) {}
