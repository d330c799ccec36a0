package com.example.ordersaga.common.participant.errors;

import com.example.ordersaga.common.participant.errors.ErrorBody.Violation;
import java.util.List;

/** A request that breaks its contract (a field missing, out of range…). Answered as 400. */
public class InvalidRequest extends RuntimeException {

  private final List<Violation> violations;

  public InvalidRequest(String message, List<Violation> violations) {
    super(message, null, false, false);
    this.violations = List.copyOf(violations);
  }

  public List<Violation> violations() {
    return violations;
  }
}
