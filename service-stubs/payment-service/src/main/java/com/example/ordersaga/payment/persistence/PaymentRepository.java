package com.example.ordersaga.payment.persistence;

import com.example.ordersaga.common.participant.sql.SqlGateway;
import com.example.ordersaga.payment.domain.Payment;
import com.example.ordersaga.payment.domain.PaymentMethod;
import com.example.ordersaga.payment.domain.PaymentStatus;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Repository;

/** Payments, through camel-sql (queries in resources/sql/payment). */
@Repository
public class PaymentRepository {

  private final SqlGateway sql;

  public PaymentRepository(SqlGateway sql) {
    this.sql = sql;
  }

  public void insert(String lraId, String userId, PaymentMethod method, Payment payment) {
    sql.update(
        "payment/insert.sql",
        Map.of(
            "paymentId", payment.paymentId(),
            "lraId", lraId,
            "orderId", payment.orderId(),
            "userId", userId,
            "method", method.name(),
            "amount", payment.amount(),
            "status", payment.status().name()));
  }

  /** Voids this saga's payment if it is APPROVED; false when there is none to void. */
  public boolean cancel(String lraId) {
    return sql.update("payment/cancel.sql", Map.of("lraId", lraId)) == 1;
  }

  /** Confirms this saga's payment if it is APPROVED; false when there is none to confirm. */
  public boolean confirm(String lraId) {
    return sql.update("payment/confirm.sql", Map.of("lraId", lraId)) == 1;
  }

  public List<Payment> ofOrder(String orderId) {
    return sql.query("payment/find-by-order.sql", Map.of("orderId", orderId)).stream()
        .map(PaymentRepository::toPayment)
        .toList();
  }

  /** Every payment, in the order they were saved. */
  public List<Payment> all() {
    return sql.query("payment/find-all.sql", Map.of()).stream()
        .map(PaymentRepository::toPayment)
        .toList();
  }

  private static Payment toPayment(Map<String, Object> row) {
    return new Payment(
        (String) row.get("payment_id"),
        (String) row.get("order_id"),
        ((Number) row.get("amount")).longValue(),
        PaymentStatus.valueOf((String) row.get("status")));
  }
}
