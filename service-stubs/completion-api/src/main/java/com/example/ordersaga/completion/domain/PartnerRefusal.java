package com.example.ordersaga.completion.domain;

/** A call the partner API refused, recorded with its status. Answered with that status. */
public class PartnerRefusal extends RuntimeException {

  private final int status;
  private final String error;

  private PartnerRefusal(int status, String error, String message) {
    super(message, null, false, false);
    this.status = status;
    this.error = error;
  }

  /** A failure planned with {@code PUT /admin/behaviour}. */
  static PartnerRefusal simulatedOutage(int status, String idempotencyKey, int attempt) {
    return new PartnerRefusal(
        status,
        "SIMULATED_OUTAGE",
        "simulated failure of call " + attempt + " with Idempotency-Key " + idempotencyKey);
  }

  /** A key reused for another order: like real partner APIs, refused rather than deduplicated. */
  static PartnerRefusal keyReused(String idempotencyKey, String acceptedOrderId) {
    return new PartnerRefusal(
        422,
        "IDEMPOTENCY_KEY_REUSED",
        "Idempotency-Key " + idempotencyKey + " was accepted for order " + acceptedOrderId);
  }

  public int status() {
    return status;
  }

  public String error() {
    return error;
  }
}
