package com.example.ordersaga.common.participant.errors;

/** Why a participant refused a forward action. Names are part of the HTTP contract. */
public enum RejectionReason {
  UNKNOWN_USER,
  UNKNOWN_PRODUCT,
  INSUFFICIENT_POINTS,
  OUT_OF_STOCK,
  PAYMENT_DECLINED,
  /** The saga already ended here (compensated or completed): a late action is fenced off. */
  LRA_ENDED
}
