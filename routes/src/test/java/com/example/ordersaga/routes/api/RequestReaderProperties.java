package com.example.ordersaga.routes.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.ordersaga.common.json.StrictJsonBody;
import com.example.ordersaga.common.json.StrictText;
import com.example.ordersaga.common.json.testing.HostileBodies;
import com.example.ordersaga.common.participant.errors.InvalidRequest;
import com.example.ordersaga.common.participant.errors.RequestValidator;
import com.example.ordersaga.routes.plan.PlaceOrderRequest;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.validation.Validation;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.statistics.Statistics;

/**
 * Whatever Content-Type and bytes {@code POST /api/orders} gets, its reader accepts a well-formed
 * order or refuses it with what {@code OrderPlacement} answers 400 or 415. Any other exception was
 * answered {@code 503 SERVICE_UNAVAILABLE, failedStep lra-coordinator}: the property fails on it.
 */
class RequestReaderProperties {

  private static final String ORDER =
      "{\"userId\":\"@@\",\"items\":[{\"productId\":\"product-1\",\"quantity\":2}],"
          + "\"pointsToUse\":0,\"paymentMethod\":\"CARD\"}";

  private final RequestReader reader =
      new RequestReader(
          new ObjectMapper(),
          new RequestValidator(Validation.buildDefaultValidatorFactory().getValidator()));

  @Property(tries = 5000, seed = HostileBodies.SEED)
  void everyRequestIsReadOrRefusedWith400Or415(
      @ForAll("contentTypes") String contentType, @ForAll("bodies") byte[] body) throws Exception {
    int status = statusOf(contentType, body);

    Statistics.collect(status);
    Statistics.coverage(
        coverage -> {
          coverage.check(201).count(times -> times > 0);
          coverage.check(400).count(times -> times > 0);
          coverage.check(415).count(times -> times > 0);
        });
  }

  /** 201 stands for "read": the saga would start with a valid, well-formed order. */
  private int statusOf(String contentType, byte[] body) throws Exception {
    PlaceOrderRequest request;
    try {
      request = reader.read(contentType, body);
    } catch (InvalidRequest | JsonProcessingException invalid) {
      return 400;
    } catch (RequestReader.UnsupportedMediaType | StrictJsonBody.UnsupportedCharset unsupported) {
      return 415;
    }
    assertThat(StrictText.problem(request.userId())).as(request.userId()).isNull();
    assertThat(request.items()).isNotEmpty();
    return 201;
  }

  @Provide
  Arbitrary<String> contentTypes() {
    return Arbitraries.frequencyOf(
        Tuple.of(9, HostileBodies.contentTypes()),
        Tuple.of(1, Arbitraries.of("*/*", "text/json", "application/*")));
  }

  @Provide
  Arbitrary<byte[]> bodies() {
    return HostileBodies.around(ORDER, "user-1");
  }
}
