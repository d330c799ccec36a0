package com.example.ordersaga.product;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.ordersaga.common.json.testing.RequestParsing;
import com.example.ordersaga.product.api.DeductStockRequest;
import com.example.ordersaga.product.api.SetProductRequest;
import org.junit.jupiter.api.Test;

/**
 * Whatever bytes reach product-service's request bodies, their reading ends in 200, 400 or 415 (see
 * {@link RequestParsing}), never an exception that would be answered 500.
 */
class ProductRequestProperties {

  private final RequestParsing parsing = new RequestParsing();

  @Test
  void everyDeductionBodyIsAnswered() {
    assertThat(
            parsing.assertEveryBodyAnswered(
                "product-service deduction body",
                1000,
                "{\"orderId\":\"order-1\",\"items\":[{\"productId\":\"@@\",\"quantity\":1}]}",
                "product-1",
                DeductStockRequest.class))
        .containsKeys("200", "400");
  }

  @Test
  void everyProductBodyIsAnswered() {
    assertThat(
            parsing.assertEveryBodyAnswered(
                "product-service product body",
                500,
                "{\"name\":\"@@\",\"price\":100,\"stock\":5}",
                "Widget",
                SetProductRequest.class))
        .containsKeys("200", "400");
  }
}
