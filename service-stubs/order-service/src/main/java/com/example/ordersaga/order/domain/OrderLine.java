package com.example.ordersaga.order.domain;

/** One line of an order, priced when the order was placed. */
public record OrderLine(String productId, int quantity, long unitPrice) {}
