package com.example.ordersaga.point.domain;

import com.example.ordersaga.common.participant.errors.BusinessRejection;
import com.example.ordersaga.common.participant.errors.NotFound;
import com.example.ordersaga.common.participant.errors.RejectionReason;
import com.example.ordersaga.point.persistence.PointRepository;
import com.example.ordersaga.point.persistence.PointRepository.Deduction;
import java.util.List;
import org.springframework.stereotype.Service;

/**
 * The point rules: a deduction never takes a balance below zero, whatever the concurrency (one
 * conditional update), and a refund gives back exactly what that saga deducted. Callers hold the
 * local transaction (see ParticipantSteps).
 */
@Service
public class PointAccounts {

  private final PointRepository repository;

  public PointAccounts(PointRepository repository) {
    this.repository = repository;
  }

  public PointBalance deduct(String lraId, String userId, String orderId, long points) {
    if (!repository.deduct(userId, points)) {
      throw repository.balance(userId).isEmpty()
          ? new BusinessRejection(RejectionReason.UNKNOWN_USER, "unknown user " + userId)
          : new BusinessRejection(
              RejectionReason.INSUFFICIENT_POINTS,
              userId + " has fewer than " + points + " points");
    }
    repository.recordMovement(lraId, "DEDUCT", new Deduction(userId, orderId, points));
    return new PointBalance(userId, repository.balance(userId).orElseThrow());
  }

  /** Gives back what this saga deducted; nothing if it deducted nothing. */
  public void refund(String lraId) {
    repository
        .deductionOf(lraId)
        .ifPresent(
            deduction -> {
              repository.credit(deduction.userId(), deduction.points());
              repository.recordMovement(lraId, "REFUND", deduction);
            });
  }

  public PointBalance balance(String userId) {
    return new PointBalance(
        userId,
        repository.balance(userId).orElseThrow(() -> new NotFound("unknown user " + userId)));
  }

  /** Every account's balance, by user id (the read side of audits). */
  public List<PointBalance> balances() {
    return repository.balances();
  }

  /** Every deduction and refund, in the order they were made (the read side of audits). */
  public List<PointMovement> movements() {
    return repository.movements();
  }

  public PointBalance setBalance(String userId, long balance) {
    repository.setBalance(userId, balance);
    return new PointBalance(userId, balance);
  }
}
