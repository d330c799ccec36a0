package com.example.ordersaga.bench;

/** A run that cannot start (stack unreachable, PostgreSQL not set up for 2PC): exit code + why. */
public final class BenchAbort extends Exception {

  private final int exitCode;

  public BenchAbort(int exitCode, String message) {
    super(message, null, false, false);
    this.exitCode = exitCode;
  }

  public int exitCode() {
    return exitCode;
  }
}
