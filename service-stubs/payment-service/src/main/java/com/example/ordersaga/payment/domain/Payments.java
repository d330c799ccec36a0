package com.example.ordersaga.payment.domain;

import com.example.ordersaga.common.participant.errors.ErrorBody.Violation;
import com.example.ordersaga.common.participant.errors.InvalidRequest;
import com.example.ordersaga.payment.persistence.PaymentRepository;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Service;

/**
 * The payment lifecycle: a payment is saved APPROVED once its terms pass the rules, then CONFIRMED
 * or CANCELLED; only an APPROVED payment moves. Callers hold the local transaction (see
 * ParticipantSteps).
 */
@Service
public class Payments {

  private final PaymentRules rules;
  private final PaymentRepository repository;
  private final PaymentProvider provider;

  public Payments(PaymentRules rules, PaymentRepository repository, PaymentProvider provider) {
    this.rules = rules;
    this.repository = repository;
    this.provider = provider;
  }

  /** The rules, then the provider's check; nothing is written, so nothing holds a transaction. */
  public PaymentApproval validate(PaymentTerms terms) {
    rules.check(terms);
    provider.check(terms);
    return new PaymentApproval(terms.orderId(), true);
  }

  /** Checks the terms again (the saga may run without the validation step) and saves them. */
  public Payment approve(String lraId, PaymentTerms terms) {
    rules.check(terms);
    Payment payment =
        new Payment(
            UUID.randomUUID().toString(),
            terms.orderId(),
            terms.paidAmount(),
            PaymentStatus.APPROVED);
    repository.insert(lraId, terms.userId(), terms.method(), payment);
    return payment;
  }

  /** Voids what this saga approved; nothing if it approved nothing. */
  public void cancel(String lraId) {
    repository.cancel(lraId);
  }

  public void confirm(String lraId) {
    repository.confirm(lraId);
  }

  /** Every payment, in the order they were saved (the read side of audits). */
  public List<Payment> all() {
    return repository.all();
  }

  public List<Payment> ofOrder(String orderId) {
    if (orderId == null || orderId.isBlank()) {
      throw new InvalidRequest(
          "the orderId query parameter is required",
          List.of(new Violation("orderId", "must not be blank")));
    }
    return repository.ofOrder(orderId);
  }
}
