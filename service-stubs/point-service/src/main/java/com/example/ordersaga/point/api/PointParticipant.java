package com.example.ordersaga.point.api;

import com.example.ordersaga.common.participant.ledger.ParticipantSteps;
import com.example.ordersaga.point.domain.PointAccounts;
import com.example.ordersaga.point.domain.PointBalance;
import org.springframework.stereotype.Component;

/** The point-deduct saga step: its forward action and compensation, once per LRA. */
@Component
public class PointParticipant {

  public static final String STEP = "point-deduct";

  private final ParticipantSteps steps;
  private final PointAccounts accounts;

  public PointParticipant(ParticipantSteps steps, PointAccounts accounts) {
    this.steps = steps;
    this.accounts = accounts;
  }

  public PointBalance deduct(
      String lraId, String userId, DeductPointsRequest request, String simulateFailure) {
    return steps.act(
        lraId,
        STEP,
        simulateFailure,
        PointBalance.class,
        () -> accounts.deduct(lraId, userId, request.orderId(), request.points()));
  }

  public void refund(String lraId) {
    steps.compensate(lraId, STEP, () -> accounts.refund(lraId));
  }
}
