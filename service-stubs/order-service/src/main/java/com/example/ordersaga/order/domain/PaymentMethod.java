package com.example.ordersaga.order.domain;

/** How the order is paid; names are part of the HTTP contract. */
public enum PaymentMethod {
  CARD,
  BANK_TRANSFER,
  POINTS_ONLY
}
