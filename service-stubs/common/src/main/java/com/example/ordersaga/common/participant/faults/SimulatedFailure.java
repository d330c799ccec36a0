package com.example.ordersaga.common.participant.faults;

/** A failure injected on purpose ({@code X-Simulate-Failure}). Answered as 500 STEP_FAILED. */
public class SimulatedFailure extends RuntimeException {

  public SimulatedFailure(String step, boolean afterCommit) {
    super(
        "simulated failure of "
            + step
            + (afterCommit ? " after its local commit" : " before its local commit"),
        null,
        false,
        false);
  }
}
