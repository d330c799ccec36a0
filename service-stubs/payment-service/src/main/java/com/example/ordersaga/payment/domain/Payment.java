package com.example.ordersaga.payment.domain;

/** A saved payment, as {@code POST /payments} and {@code GET /payments[?orderId=]} answer it. */
public record Payment(String paymentId, String orderId, long amount, PaymentStatus status) {}
