package com.example.ordersaga.routes.plan;

/** How the part of the total not paid with points is paid. */
public enum PaymentMethod {
  CARD,
  BANK_TRANSFER,
  POINTS_ONLY
}
