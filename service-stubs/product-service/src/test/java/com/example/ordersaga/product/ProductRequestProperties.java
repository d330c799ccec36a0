package com.example.ordersaga.product;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.ordersaga.common.json.testing.HostileBodies;
import com.example.ordersaga.common.json.testing.RequestParsing;
import com.example.ordersaga.product.api.DeductStockRequest;
import com.example.ordersaga.product.api.SetProductRequest;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

/**
 * Whatever bytes reach product-service's request bodies, their reading ends in 200, 400 or 415 (see
 * {@link RequestParsing}), never an exception that would be answered 500.
 */
class ProductRequestProperties {

  private final RequestParsing parsing = new RequestParsing();

  @Property(tries = 1000, seed = HostileBodies.SEED)
  void everyDeductionBodyIsAnswered(
      @ForAll("contentTypes") String contentType, @ForAll("deductionBodies") byte[] body)
      throws Exception {
    assertAnswered(contentType, body, DeductStockRequest.class);
  }

  @Provide
  Arbitrary<byte[]> deductionBodies() {
    return HostileBodies.around(
        "{\"orderId\":\"order-1\",\"items\":[{\"productId\":\"@@\",\"quantity\":1}]}", "product-1");
  }

  @Property(tries = 500, seed = HostileBodies.SEED)
  void everyProductBodyIsAnswered(
      @ForAll("contentTypes") String contentType, @ForAll("productBodies") byte[] body)
      throws Exception {
    assertAnswered(contentType, body, SetProductRequest.class);
  }

  @Provide
  Arbitrary<byte[]> productBodies() {
    return HostileBodies.around("{\"name\":\"@@\",\"price\":100,\"stock\":5}", "Widget");
  }

  @Provide
  Arbitrary<String> contentTypes() {
    return HostileBodies.jsonContentTypes();
  }

  private void assertAnswered(String contentType, byte[] body, Class<?> type) throws Exception {
    int status = parsing.status(contentType, body, type);

    Statistics.collect(status);
    assertThat(status).isIn(200, 400, 415);
  }
}
