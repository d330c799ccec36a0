package com.example.ordersaga.bench.db;

/**
 * A business rejection inside the baseline transaction, named like the contract's 409 reasons; the
 * caller rolls the transaction back, as a monolith would.
 */
public final class Rejection extends Exception {

  private final String reason;

  public Rejection(String reason) {
    super(reason, null, false, false);
    this.reason = reason;
  }

  public String reason() {
    return reason;
  }
}
