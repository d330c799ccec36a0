package com.example.ordersaga.bench.report;

/** A post-run consistency check: did the run leave the system consistent, in one line. */
public record Check(boolean passed, String verdict) {

  public static Check passed(String verdict) {
    return new Check(true, verdict);
  }

  public static Check failed(String verdict) {
    return new Check(false, verdict);
  }

  @Override
  public String toString() {
    return verdict;
  }
}
