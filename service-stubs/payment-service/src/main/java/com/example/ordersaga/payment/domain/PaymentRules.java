package com.example.ordersaga.payment.domain;

import com.example.ordersaga.common.participant.errors.BusinessRejection;
import com.example.ordersaga.common.participant.errors.RejectionReason;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * When a payment may be made: the points and the paid amount add up to the total, the method fits
 * the paid amount (points only pays nothing, a card or a transfer pays something), and no payment
 * exceeds the per-payment limit ({@code ordersaga.payment.max-amount}).
 */
@Component
public class PaymentRules {

  private final long maxAmount;

  public PaymentRules(@Value("${ordersaga.payment.max-amount}") long maxAmount) {
    this.maxAmount = maxAmount;
  }

  /** Throws {@code PAYMENT_DECLINED} naming the first rule the terms break. */
  public void check(PaymentTerms terms) {
    // Subtracting non-negative amounts cannot overflow; adding them could.
    if (terms.totalAmount() - terms.pointsUsed() != terms.paidAmount()) {
      throw declined(
          "totalAmount "
              + terms.totalAmount()
              + " is not pointsUsed "
              + terms.pointsUsed()
              + " + paidAmount "
              + terms.paidAmount());
    }
    if (terms.method() == PaymentMethod.POINTS_ONLY && terms.paidAmount() != 0) {
      throw declined("POINTS_ONLY pays nothing, but paidAmount is " + terms.paidAmount());
    }
    if (terms.method() != PaymentMethod.POINTS_ONLY && terms.paidAmount() <= 0) {
      throw declined(terms.method() + " requires a paidAmount above 0");
    }
    if (terms.paidAmount() > maxAmount) {
      throw declined(
          "paidAmount " + terms.paidAmount() + " exceeds the per-payment limit " + maxAmount);
    }
  }

  private static BusinessRejection declined(String message) {
    return new BusinessRejection(RejectionReason.PAYMENT_DECLINED, message);
  }
}
