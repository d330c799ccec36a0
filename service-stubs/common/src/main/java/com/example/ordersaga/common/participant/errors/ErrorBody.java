package com.example.ordersaga.common.participant.errors;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * The JSON body of every error a service answers. {@code reason} is machine-readable (the
 * orchestrator maps it), {@code step} names the saga step, {@code violations} the invalid fields.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ErrorBody(
    String error, String reason, String step, String message, List<Violation> violations) {

  /** One invalid field of a request. */
  public record Violation(String field, String message) {}

  public static ErrorBody rejection(String reason, String step, String message) {
    return new ErrorBody("REJECTED", reason, step, message, null);
  }

  public static ErrorBody failure(String step, String message) {
    return new ErrorBody("STEP_FAILED", "STEP_FAILED", step, message, null);
  }

  public static ErrorBody invalid(String message, List<Violation> violations) {
    return new ErrorBody("VALIDATION_FAILED", null, null, message, violations);
  }

  public static ErrorBody of(String error, String message) {
    return new ErrorBody(error, null, null, message, null);
  }
}
