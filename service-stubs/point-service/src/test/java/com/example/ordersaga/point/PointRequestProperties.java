package com.example.ordersaga.point;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.ordersaga.common.json.testing.RequestParsing;
import com.example.ordersaga.point.api.DeductPointsRequest;
import com.example.ordersaga.point.api.SetBalanceRequest;
import org.junit.jupiter.api.Test;

/**
 * Whatever bytes reach point-service's request bodies, their reading ends in 200, 400 or 415 (see
 * {@link RequestParsing}), never an exception that would be answered 500.
 */
class PointRequestProperties {

  private final RequestParsing parsing = new RequestParsing();

  @Test
  void everyDeductionBodyIsAnswered() {
    assertThat(
            parsing.assertEveryBodyAnswered(
                "point-service deduction body",
                1000,
                "{\"orderId\":\"@@\",\"points\":10}",
                "order-1",
                DeductPointsRequest.class))
        .containsKeys("200", "400");
  }

  @Test
  void everyBalanceBodyIsAnswered() {
    assertThat(
            parsing.assertEveryBodyAnswered(
                "point-service balance body",
                500,
                "{\"balance\":5,\"note\":\"@@\"}",
                "none",
                SetBalanceRequest.class))
        .containsKeys("200", "400");
  }
}
