package com.example.ordersaga.payment.domain;

/** A payment's life: approved by the saga step, then confirmed (LRA closed) or cancelled. */
public enum PaymentStatus {
  APPROVED,
  CONFIRMED,
  CANCELLED
}
