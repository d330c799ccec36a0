package com.example.ordersaga.payment;

import com.example.ordersaga.payment.api.PaymentRequest;
import com.example.ordersaga.payment.domain.PaymentMethod;
import java.util.UUID;

/** Named payment requests of Alice, each for a fresh order, and fresh LRA ids. */
public final class PaymentFixtures {

  public static final String ALICE = "alice";

  /** The default of {@code ordersaga.payment.max-amount} in application.yml. */
  public static final long PAYMENT_LIMIT = 5_000_000;

  private PaymentFixtures() {}

  /** Alice pays the rest of {@code total} by card after {@code points}. */
  public static PaymentRequest aliceByCard(long total, long points) {
    return aliceDeclaring(PaymentMethod.CARD, total, points, total - points);
  }

  public static PaymentRequest aliceByBankTransfer(long total, long points) {
    return aliceDeclaring(PaymentMethod.BANK_TRANSFER, total, points, total - points);
  }

  /** Alice's points cover the whole {@code total}. */
  public static PaymentRequest alicePointsOnly(long total) {
    return aliceDeclaring(PaymentMethod.POINTS_ONLY, total, total, 0);
  }

  /** Any split, consistent or not: what a broken or hostile caller might send. */
  public static PaymentRequest aliceDeclaring(
      PaymentMethod method, long total, long points, long paid) {
    return new PaymentRequest("order-" + UUID.randomUUID(), ALICE, method, total, points, paid);
  }

  /** An LRA id as the coordinator mints them; no coordinator is asked. */
  public static String anLra() {
    return "http://localhost:1/lra-coordinator/" + UUID.randomUUID();
  }
}
