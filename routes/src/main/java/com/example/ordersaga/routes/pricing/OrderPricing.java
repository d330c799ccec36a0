package com.example.ordersaga.routes.pricing;

import com.example.ordersaga.common.participant.errors.ErrorBody.Violation;
import com.example.ordersaga.common.participant.errors.InvalidRequest;
import com.example.ordersaga.routes.plan.OrderPlan;
import com.example.ordersaga.routes.plan.PaymentMethod;
import com.example.ordersaga.routes.plan.PlaceOrderRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Turns a valid request into a priced {@link OrderPlan}: unit prices come from product-service
 * (before the saga starts, so nothing is started for an order that cannot be priced), then the
 * amounts are checked against the points the user wants to spend.
 */
public class OrderPricing {

  public static final String STEP = "price-quote";

  private final PriceQuotes quotes;

  public OrderPricing(PriceQuotes quotes) {
    this.quotes = quotes;
  }

  public OrderPlan plan(String orderId, PlaceOrderRequest request) {
    Map<String, Long> prices =
        quotes.unitPrices(
            orderId,
            request.items().stream().map(PlaceOrderRequest.Item::productId).distinct().toList());
    List<OrderPlan.Line> lines = new ArrayList<>();
    long total = 0;
    for (PlaceOrderRequest.Item item : request.items()) {
      long unitPrice = prices.get(item.productId());
      lines.add(new OrderPlan.Line(item.productId(), item.quantity(), unitPrice));
      total = Math.addExact(total, Math.multiplyExact(unitPrice, item.quantity()));
    }
    long points = request.points();
    if (points > total) {
      throw invalidPoints("must not exceed the order total " + total);
    }
    if (request.paymentMethod() == PaymentMethod.POINTS_ONLY && points != total) {
      throw invalidPoints("must equal the order total " + total + " when paying POINTS_ONLY");
    }
    return new OrderPlan(
        orderId,
        request.userId(),
        List.copyOf(lines),
        total,
        points,
        total - points,
        request.paymentMethod());
  }

  private static InvalidRequest invalidPoints(String message) {
    return new InvalidRequest("request is invalid", List.of(new Violation("pointsToUse", message)));
  }

  /**
   * Unit prices by product id, for the order named (in the quote's logs and traces); throws {@link
   * SagaFailure} for unknown products.
   */
  public interface PriceQuotes {
    Map<String, Long> unitPrices(String orderId, List<String> productIds);
  }
}
