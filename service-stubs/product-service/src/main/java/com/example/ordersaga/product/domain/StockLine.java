package com.example.ordersaga.product.domain;

/** One line of an order's stock request: take {@code quantity} of {@code productId}. */
public record StockLine(String productId, long quantity) {}
