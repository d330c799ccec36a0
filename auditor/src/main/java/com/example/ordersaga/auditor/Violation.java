package com.example.ordersaga.auditor;

/** One broken rule: which, about what (an order, a user, an LRA…), and what was found. */
public record Violation(String rule, String subject, String detail) {

  @Override
  public String toString() {
    return rule + " " + subject + ": " + detail;
  }
}
