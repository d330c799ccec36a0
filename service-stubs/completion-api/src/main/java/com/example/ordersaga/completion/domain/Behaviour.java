package com.example.ordersaga.completion.domain;

/**
 * How the partner API behaves towards the next calls: the next {@code failNext} calls are answered
 * {@code status}, and every answer waits {@code delayMs} first.
 */
public record Behaviour(int failNext, int status, long delayMs) {

  public static final int DEFAULT_FAILURE_STATUS = 503;
  public static final Behaviour NORMAL = new Behaviour(0, DEFAULT_FAILURE_STATUS, 0);

  /** The behaviour once one planned failure has been answered. */
  Behaviour afterOneCall() {
    return failNext > 0 ? new Behaviour(failNext - 1, status, delayMs) : this;
  }
}
