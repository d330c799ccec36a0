package com.example.ordersaga.payment.api;

import com.example.ordersaga.common.participant.faults.FaultInjection;
import com.example.ordersaga.common.participant.faults.SimulatedFailure;
import com.example.ordersaga.common.participant.ledger.ParticipantSteps;
import com.example.ordersaga.payment.domain.Payment;
import com.example.ordersaga.payment.domain.PaymentApproval;
import com.example.ordersaga.payment.domain.Payments;
import org.springframework.stereotype.Component;

/**
 * The payment saga steps: payment-validate (no state, nothing to undo) and payment-save (its
 * forward action, compensation and completion, once per LRA).
 */
@Component
public class PaymentParticipant {

  public static final String VALIDATE_STEP = "payment-validate";
  public static final String SAVE_STEP = "payment-save";

  private final ParticipantSteps steps;
  private final FaultInjection faults;
  private final Payments payments;

  public PaymentParticipant(ParticipantSteps steps, FaultInjection faults, Payments payments) {
    this.steps = steps;
    this.faults = faults;
    this.payments = payments;
  }

  /** Writes nothing, so a failure before or after "the commit" looks the same to the caller. */
  public PaymentApproval validate(PaymentRequest request, String simulateFailure) {
    PaymentApproval approval = payments.validate(request.toTerms());
    if (faults.failsBeforeCommit(VALIDATE_STEP, simulateFailure)) {
      throw new SimulatedFailure(VALIDATE_STEP, false);
    }
    if (faults.failsAfterCommit(VALIDATE_STEP, simulateFailure)) {
      throw new SimulatedFailure(VALIDATE_STEP, true);
    }
    return approval;
  }

  public Payment save(String lraId, PaymentRequest request, String simulateFailure) {
    return steps.act(
        lraId,
        SAVE_STEP,
        simulateFailure,
        Payment.class,
        () -> payments.approve(lraId, request.toTerms()));
  }

  public void cancel(String lraId) {
    steps.compensate(lraId, SAVE_STEP, () -> payments.cancel(lraId));
  }

  public void confirm(String lraId) {
    steps.complete(lraId, SAVE_STEP, () -> payments.confirm(lraId));
  }
}
