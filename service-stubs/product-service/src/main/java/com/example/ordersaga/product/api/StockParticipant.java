package com.example.ordersaga.product.api;

import com.example.ordersaga.common.participant.ledger.ParticipantSteps;
import com.example.ordersaga.product.domain.ProductStock;
import com.example.ordersaga.product.domain.StockDeduction;
import org.springframework.stereotype.Component;

/** The stock-deduct saga step: its forward action and compensation, once per LRA. */
@Component
public class StockParticipant {

  public static final String STEP = "stock-deduct";

  private final ParticipantSteps steps;
  private final ProductStock stock;

  public StockParticipant(ParticipantSteps steps, ProductStock stock) {
    this.steps = steps;
    this.stock = stock;
  }

  public StockDeduction deduct(String lraId, DeductStockRequest request, String simulateFailure) {
    return steps.act(
        lraId,
        STEP,
        simulateFailure,
        StockDeduction.class,
        () -> stock.deduct(lraId, request.orderId(), request.lines()));
  }

  public void restore(String lraId) {
    steps.compensate(lraId, STEP, () -> stock.restore(lraId));
  }
}
