package com.example.ordersaga.point;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.ordersaga.common.json.testing.HostileBodies;
import com.example.ordersaga.common.json.testing.RequestParsing;
import com.example.ordersaga.point.api.DeductPointsRequest;
import com.example.ordersaga.point.api.SetBalanceRequest;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

/**
 * Whatever bytes reach point-service's request bodies, their reading ends in 200, 400 or 415 (see
 * {@link RequestParsing}), never an exception that would be answered 500.
 */
class PointRequestProperties {

  private final RequestParsing parsing = new RequestParsing();

  @Property(tries = 1000, seed = HostileBodies.SEED)
  void everyDeductionBodyIsAnswered(
      @ForAll("contentTypes") String contentType, @ForAll("deductionBodies") byte[] body)
      throws Exception {
    assertAnswered(contentType, body, DeductPointsRequest.class);
  }

  @Provide
  Arbitrary<byte[]> deductionBodies() {
    return HostileBodies.around("{\"orderId\":\"@@\",\"points\":10}", "order-1");
  }

  @Property(tries = 500, seed = HostileBodies.SEED)
  void everyBalanceBodyIsAnswered(
      @ForAll("contentTypes") String contentType, @ForAll("balanceBodies") byte[] body)
      throws Exception {
    assertAnswered(contentType, body, SetBalanceRequest.class);
  }

  @Provide
  Arbitrary<byte[]> balanceBodies() {
    return HostileBodies.around("{\"balance\":5,\"note\":\"@@\"}", "none");
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
