package com.example.ordersaga.common.participant.ledger;

import com.example.ordersaga.common.participant.errors.BusinessRejection;
import com.example.ordersaga.common.participant.errors.RejectionReason;
import com.example.ordersaga.common.participant.faults.FaultInjection;
import com.example.ordersaga.common.participant.faults.SimulatedFailure;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs a participant's forward actions, compensations and completions exactly once per (LRA id,
 * step), each in one local transaction together with its ledger row:
 *
 * <ul>
 *   <li>an action repeated answers what it answered the first time, without applying again;
 *   <li>a compensation or completion repeated is applied once;
 *   <li>a compensation or completion that arrives before (or without) its action records a fence
 *       and succeeds with nothing to undo; the late action is then refused ({@code LRA_ENDED});
 *   <li>completion after compensation, or the reverse, changes nothing.
 * </ul>
 */
public class ParticipantSteps {

  private static final Logger log = LoggerFactory.getLogger(ParticipantSteps.class);

  private final TransactionTemplate transactions;
  private final StepLedger ledger;
  private final FaultInjection faults;
  private final ObjectMapper json;
  private final StepMetrics metrics;

  public ParticipantSteps(
      TransactionTemplate transactions,
      StepLedger ledger,
      FaultInjection faults,
      ObjectMapper json,
      StepMetrics metrics) {
    this.transactions = transactions;
    this.ledger = ledger;
    this.faults = faults;
    this.json = json;
    this.metrics = metrics;
  }

  /** What a compensation did, counted once it committed. */
  private enum Compensation {
    UNDONE,
    FENCED,
    NOTHING
  }

  /**
   * Applies {@code action} once for this LRA and step.
   *
   * @param simulateFailure the {@code X-Simulate-Failure} header of the request, or null
   * @throws BusinessRejection when a rule refuses it (recorded, so a replay is refused alike) or
   *     when the saga already ended here
   * @throws SimulatedFailure when fault injection asks for it
   */
  public <R> R act(
      String lraId, String step, String simulateFailure, Class<R> answerType, Supplier<R> action) {
    requireLra(lraId);
    holdBackIfAsked(step, simulateFailure);
    boolean failInside = faults.failsBeforeCommit(step, simulateFailure);
    R answer;
    try {
      answer =
          transactions.execute(
              status -> {
                if (ledger.claim(lraId, step, LedgerState.APPLIED, null)) {
                  R fresh = action.get();
                  ledger.recordResponse(lraId, step, toJson(fresh));
                  if (failInside) {
                    throw new SimulatedFailure(step, false);
                  }
                  return fresh;
                }
                return replay(lraId, step, ledger.lock(lraId, step), answerType);
              });
    } catch (BusinessRejection rejection) {
      if (rejection.reason() != RejectionReason.LRA_ENDED) {
        // The action's writes rolled back; remember the refusal so a replay answers the same.
        transactions.executeWithoutResult(
            status -> ledger.claim(lraId, step, LedgerState.REJECTED, rejection.reason().name()));
      }
      throw rejection;
    }
    if (faults.failsAfterCommit(step, simulateFailure)) {
      throw new SimulatedFailure(step, true);
    }
    return answer;
  }

  /** Undoes the action of this LRA and step, once; fences the step if the action never ran. */
  public void compensate(String lraId, String step, Runnable undo) {
    requireLra(lraId);
    Compensation done =
        transactions.execute(
            status -> {
              if (ledger.claim(lraId, step, LedgerState.FENCED, "compensate")) {
                log.info("{} compensated before its action: fenced, nothing to undo", step);
                return Compensation.FENCED;
              }
              LedgerEntry entry = ledger.lock(lraId, step);
              switch (entry.state()) {
                case APPLIED -> {
                  undo.run();
                  ledger.transition(lraId, step, LedgerState.APPLIED, LedgerState.COMPENSATED);
                  return Compensation.UNDONE;
                }
                case REJECTED ->
                    ledger.transition(lraId, step, LedgerState.REJECTED, LedgerState.COMPENSATED);
                case COMPENSATED, FENCED -> log.debug("{} already ended ({})", step, entry.state());
                case COMPLETED -> log.warn("{} compensation after completion ignored", step);
              }
              return Compensation.NOTHING;
            });
    switch (done) {
      case UNDONE -> metrics.compensated(step);
      case FENCED -> metrics.fenced(step);
      case NOTHING -> {}
    }
  }

  /** Confirms the action of this LRA and step, once; fences the step if the action never ran. */
  public void complete(String lraId, String step, Runnable confirm) {
    requireLra(lraId);
    transactions.executeWithoutResult(
        status -> {
          if (ledger.claim(lraId, step, LedgerState.FENCED, "complete")) {
            log.warn("{} completed without its action: fenced", step);
            return;
          }
          LedgerEntry entry = ledger.lock(lraId, step);
          switch (entry.state()) {
            case APPLIED -> {
              confirm.run();
              ledger.transition(lraId, step, LedgerState.APPLIED, LedgerState.COMPLETED);
            }
            case COMPLETED, REJECTED, FENCED -> log.debug("{} nothing to complete", step);
            case COMPENSATED -> log.warn("{} completion after compensation ignored", step);
          }
        });
  }

  /** Records the step completed when closing the LRA needs no domain work. */
  public void complete(String lraId, String step) {
    complete(lraId, step, () -> {});
  }

  private <R> R replay(String lraId, String step, LedgerEntry entry, Class<R> answerType) {
    return switch (entry.state()) {
      case APPLIED, COMPLETED -> fromJson(entry.response(), answerType);
      case REJECTED ->
          throw new BusinessRejection(
              RejectionReason.valueOf(entry.reason()), step + " was refused earlier in " + lraId);
      case COMPENSATED, FENCED ->
          throw new BusinessRejection(
              RejectionReason.LRA_ENDED, step + " arrived after the saga ended here: " + lraId);
    };
  }

  /** {@code <step>:slow}: the step outlives the saga's time limit before it acts. */
  private void holdBackIfAsked(String step, String simulateFailure) {
    Duration delay = faults.delayBeforeAction(step, simulateFailure);
    if (!delay.isZero()) {
      log.info("{} held back {} ms (X-Simulate-Failure)", step, delay.toMillis());
      try {
        Thread.sleep(delay.toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new SimulatedFailure(step, false);
      }
    }
  }

  private static void requireLra(String lraId) {
    if (lraId == null || lraId.isBlank()) {
      throw new IllegalArgumentException("a Long-Running-Action is required");
    }
  }

  private String toJson(Object value) {
    try {
      return json.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private <R> R fromJson(String value, Class<R> type) {
    try {
      return json.readValue(value, type);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
