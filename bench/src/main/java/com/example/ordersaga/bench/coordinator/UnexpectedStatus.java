package com.example.ordersaga.bench.coordinator;

import java.util.Locale;

/** The coordinator answered, but not with the status its protocol promises for this call. */
final class UnexpectedStatus extends Exception {

  private final String call;
  private final int status;

  UnexpectedStatus(String call, int status, String body) {
    super(call + ": HTTP " + status + " " + body, null, false, false);
    this.call = call;
    this.status = status;
  }

  /** As an outcome: e.g. {@code 500 JOIN_FAILED}. */
  String outcome() {
    return status + " " + call.toUpperCase(Locale.ROOT) + "_FAILED";
  }
}
