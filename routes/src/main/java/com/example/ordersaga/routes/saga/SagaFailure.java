package com.example.ordersaga.routes.saga;

/**
 * Why an order saga did not complete, as the client is told: the HTTP status, the contract's {@code
 * reason} and the step that failed. Thrown inside the saga for errors (the route fails and
 * compensates); a rejection is recorded in the {@link SagaRun} instead.
 */
public class SagaFailure extends RuntimeException {

  private final int httpStatus;
  private final String reason;
  private final String failedStep;
  private final boolean rejection;

  private SagaFailure(String reason, String failedStep, String message, boolean rejection) {
    super(message, null, false, false);
    this.rejection = rejection;
    this.httpStatus = httpStatusOf(reason);
    this.reason = reason;
    this.failedStep = failedStep;
  }

  /** The status a cancelled order's answer has, by its reason. */
  public static int httpStatusOf(String reason) {
    return switch (String.valueOf(reason)) {
      case "TIMEOUT" -> 504;
      case "SERVICE_UNAVAILABLE" -> 503;
      default -> 409;
    };
  }

  /** A service refused the step by a business rule (UNKNOWN_USER, OUT_OF_STOCK…): 409. */
  public static SagaFailure rejected(String step, String reason, String message) {
    return new SagaFailure(reason, step, message, true);
  }

  /** A service failed the step (5xx, or an answer we cannot use): 409 STEP_FAILED. */
  public static SagaFailure failed(String step, String message) {
    return new SagaFailure("STEP_FAILED", step, message, false);
  }

  /** A service could not be reached (connection refused, no answer in time): 503. */
  public static SagaFailure unavailable(String step, String message) {
    return new SagaFailure("SERVICE_UNAVAILABLE", step, message, false);
  }

  /** The saga's time limit passed: 504. */
  public static SagaFailure timedOut(String step) {
    return new SagaFailure("TIMEOUT", step, "the saga's time limit passed during " + step, false);
  }

  /** A business rule refused the step: the saga's answer, not an error. */
  public boolean isRejection() {
    return rejection;
  }

  public int httpStatus() {
    return httpStatus;
  }

  public String reason() {
    return reason;
  }

  public String failedStep() {
    return failedStep;
  }
}
