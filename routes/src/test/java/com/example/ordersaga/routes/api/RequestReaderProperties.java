package com.example.ordersaga.routes.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.ordersaga.common.json.StrictJsonBody;
import com.example.ordersaga.common.json.StrictText;
import com.example.ordersaga.common.json.testing.Gen;
import com.example.ordersaga.common.json.testing.HostileBodies;
import com.example.ordersaga.common.json.testing.PropertyCheck;
import com.example.ordersaga.common.json.testing.PropertyCheck.Request;
import com.example.ordersaga.common.participant.errors.InvalidRequest;
import com.example.ordersaga.common.participant.errors.RequestValidator;
import com.example.ordersaga.routes.plan.PlaceOrderRequest;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.validation.Validation;
import java.util.List;
import org.junit.jupiter.api.Test;

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

  @Test
  void everyRequestIsReadOrRefusedWith400Or415() {
    Gen<String> contentTypes =
        Gen.mostly(
            9,
            10,
            HostileBodies.contentTypes(),
            Gen.of(List.of("*/*", "text/json", "application/*")));
    var outcomes =
        PropertyCheck.forAll(
            "order request reader",
            HostileBodies.SEED,
            5000,
            Request.of(contentTypes, HostileBodies.around(ORDER, "user-1")),
            request -> statusOf(request.contentType(), request.body()));

    assertThat(outcomes).containsOnlyKeys("201", "400", "415");
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
}
