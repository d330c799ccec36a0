package com.example.ordersaga.completion.domain;

import com.example.ordersaga.completion.persistence.CompletionRepository;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.OptionalInt;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The partner's side of a completion call, like a real idempotent API: every call is recorded with
 * its attempt number for its Idempotency-Key; a planned failure is answered as such; otherwise the
 * first accepted call for a key stores the notification and every later one gets the same answer
 * back, with no second notification, however many calls race.
 */
@Service
public class Completions {

  private static final Logger log = LoggerFactory.getLogger(Completions.class);

  private final CompletionRepository repository;
  private final BehaviourSwitch behaviour;
  private final TransactionTemplate transactions;

  public Completions(
      CompletionRepository repository,
      BehaviourSwitch behaviour,
      TransactionTemplate transactions) {
    this.repository = repository;
    this.behaviour = behaviour;
    this.transactions = transactions;
  }

  /**
   * @throws PartnerRefusal for a planned failure, or a key already accepted for another order; the
   *     call is recorded all the same
   */
  public Acceptance receive(String idempotencyKey, String orderId) {
    OptionalInt plannedFailure = behaviour.takeFailure();
    Outcome outcome =
        transactions.execute(status -> decide(idempotencyKey, orderId, plannedFailure));
    if (outcome.refusal() != null) {
      log.info("order {} key {}: refused {}", orderId, idempotencyKey, outcome.refusal().status());
      throw outcome.refusal();
    }
    log.info(
        "order {} key {}: answered {} (accepted at attempt {})",
        orderId,
        idempotencyKey,
        outcome.acceptance().status(),
        outcome.acceptance().answer().attempt());
    return outcome.acceptance();
  }

  public List<Notification> notifications(String orderId) {
    return repository.acceptedCompletions(orderId).stream()
        .map(AcceptedCompletion::notification)
        .toList();
  }

  public List<RecordedCall> calls(String orderId) {
    return repository.calls(orderId);
  }

  /** One local transaction; counting the call locks its key until the decision is committed. */
  private Outcome decide(String idempotencyKey, String orderId, OptionalInt plannedFailure) {
    // Microseconds: what both H2 and PostgreSQL store, so a replayed answer equals the first one.
    Instant receivedAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
    int attempt = repository.countCall(idempotencyKey);
    if (plannedFailure.isPresent()) {
      int status = plannedFailure.getAsInt();
      repository.recordCall(new RecordedCall(orderId, idempotencyKey, attempt, receivedAt, status));
      return Outcome.refused(PartnerRefusal.simulatedOutage(status, idempotencyKey, attempt));
    }
    boolean first =
        repository.accept(new AcceptedCompletion(orderId, idempotencyKey, attempt, receivedAt));
    AcceptedCompletion accepted = repository.acceptedCompletion(idempotencyKey).orElseThrow();
    if (!accepted.orderId().equals(orderId)) {
      PartnerRefusal refusal = PartnerRefusal.keyReused(idempotencyKey, accepted.orderId());
      repository.recordCall(
          new RecordedCall(orderId, idempotencyKey, attempt, receivedAt, refusal.status()));
      return Outcome.refused(refusal);
    }
    Acceptance acceptance = new Acceptance(accepted, first);
    repository.recordCall(
        new RecordedCall(orderId, idempotencyKey, attempt, receivedAt, acceptance.status()));
    return Outcome.accepted(acceptance);
  }

  /** A refusal is thrown only after the transaction that recorded the call has committed. */
  private record Outcome(Acceptance acceptance, PartnerRefusal refusal) {

    static Outcome accepted(Acceptance acceptance) {
      return new Outcome(acceptance, null);
    }

    static Outcome refused(PartnerRefusal refusal) {
      return new Outcome(null, refusal);
    }
  }
}
