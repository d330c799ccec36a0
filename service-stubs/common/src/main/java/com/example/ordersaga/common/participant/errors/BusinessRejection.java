package com.example.ordersaga.common.participant.errors;

/** A forward action refused by a business rule; nothing was applied. Answered as 409. */
public class BusinessRejection extends RuntimeException {

  private final RejectionReason reason;

  public BusinessRejection(RejectionReason reason, String message) {
    super(message, null, false, false);
    this.reason = reason;
  }

  public RejectionReason reason() {
    return reason;
  }
}
