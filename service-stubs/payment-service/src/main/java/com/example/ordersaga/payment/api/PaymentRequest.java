package com.example.ordersaga.payment.api;

import com.example.ordersaga.common.logging.OrderScoped;
import com.example.ordersaga.payment.domain.PaymentMethod;
import com.example.ordersaga.payment.domain.PaymentTerms;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

/**
 * Body of {@code POST /payments/validations} (payment-validate) and {@code POST /payments}
 * (payment-save): what the order asks to pay and how.
 */
public record PaymentRequest(
    @NotBlank @Size(max = 64) String orderId,
    @NotBlank @Size(max = 64) String userId,
    @NotNull PaymentMethod paymentMethod,
    @NotNull @PositiveOrZero Long totalAmount,
    @NotNull @PositiveOrZero Long pointsUsed,
    @NotNull @PositiveOrZero Long paidAmount)
    implements OrderScoped {

  public PaymentTerms toTerms() {
    return new PaymentTerms(orderId, userId, paymentMethod, totalAmount, pointsUsed, paidAmount);
  }
}
