package com.example.ordersaga.completion.domain;

/** The answer to an accepted call: 201 the first time, 200 with the stored answer for a repeat. */
public record Acceptance(AcceptedCompletion answer, boolean first) {

  public int status() {
    return first ? 201 : 200;
  }
}
