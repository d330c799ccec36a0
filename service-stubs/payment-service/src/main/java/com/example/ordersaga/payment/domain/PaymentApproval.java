package com.example.ordersaga.payment.domain;

/** The answer of payment-validate: the request may be paid as asked. */
public record PaymentApproval(String orderId, boolean approved) {}
