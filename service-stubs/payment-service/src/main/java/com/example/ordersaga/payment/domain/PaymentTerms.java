package com.example.ordersaga.payment.domain;

/** What an order asks to pay: its total, split into points used and the amount paid. */
public record PaymentTerms(
    String orderId,
    String userId,
    PaymentMethod method,
    long totalAmount,
    long pointsUsed,
    long paidAmount) {}
