package com.example.ordersaga.payment.domain;

/** How the part of an order not covered by points is paid. Names are part of the contract. */
public enum PaymentMethod {
  CARD,
  BANK_TRANSFER,
  /** Points cover the whole order: nothing is paid. */
  POINTS_ONLY
}
