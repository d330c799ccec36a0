package com.example.ordersaga.routes.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.example.ordersaga.common.participant.errors.InvalidRequest;
import com.example.ordersaga.common.participant.errors.RequestValidator;
import com.example.ordersaga.routes.plan.PaymentMethod;
import com.example.ordersaga.routes.plan.PlaceOrderRequest;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.validation.Validation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The strict reading of {@code POST /api/orders}, including what the hostile corpus of the system
 * tests found Jackson would otherwise accept: numbers and booleans read as ids, blank or NUL text
 * read as "no points", an enum by its index or with spaces around its name, wildcard content types.
 */
class RequestReaderTest {

  private final RequestReader reader =
      new RequestReader(
          new ObjectMapper(),
          new RequestValidator(Validation.buildDefaultValidatorFactory().getValidator()));

  @Test
  void aValidOrderIsRead() throws Exception {
    PlaceOrderRequest request =
        reader.read("application/json; charset=UTF-8", order("\"user-1\"", "500", "\"CARD\""));

    assertThat(request.userId()).isEqualTo("user-1");
    assertThat(request.points()).isEqualTo(500);
    assertThat(request.paymentMethod()).isEqualTo(PaymentMethod.CARD);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"true", "false", "0", "-1", "1.5", "1e309", "1E2", "99999999999999999999"})
  void aScalarIsNoUserId(String userId) {
    assertThatThrownBy(() -> reader.read("application/json", order(userId, "0", "\"CARD\"")))
        .isInstanceOf(JsonMappingException.class);
  }

  @ParameterizedTest
  @ValueSource(strings = {"\" \"", "\"\\u0000\"", "\"\\t\"", "\"\"", "\"5\"", "true", "1.5"})
  void textIsNoPoints(String points) {
    assertThatThrownBy(
            () -> reader.read("application/json", order("\"user-1\"", points, "\"CARD\"")))
        .isInstanceOf(JsonMappingException.class);
  }

  @ParameterizedTest
  @ValueSource(strings = {"0", "1", "\"CARD \"", "\" CARD\"", "\"card\"", "\"\"", "true"})
  void anEnumIsItsExactName(String method) {
    assertThatThrownBy(() -> reader.read("application/json", order("\"user-1\"", "0", method)))
        .isInstanceOf(JsonMappingException.class);
  }

  @ParameterizedTest
  @ValueSource(strings = {"\"user-1\\u0000\"", "\"user\\n1\""})
  void idsHaveNoControlCharacters(String userId) {
    assertThatThrownBy(() -> reader.read("application/json", order(userId, "0", "\"CARD\"")))
        .isInstanceOf(InvalidRequest.class);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "*/*",
        "*/*;;",
        "application/*",
        "text/json",
        "application/jsonx",
        "application/x-www-form-urlencoded",
        "text/plain"
      })
  void onlyApplicationJsonIsJson(String contentType) {
    assertThatThrownBy(() -> reader.read(contentType, order("\"user-1\"", "0", "\"CARD\"")))
        .isInstanceOf(RequestReader.UnsupportedMediaType.class);
  }

  private static String order(String userId, String points, String method) {
    return "{\"userId\":"
        + userId
        + ",\"items\":[{\"productId\":\"product-1\",\"quantity\":1}],"
        + "\"pointsToUse\":"
        + points
        + ",\"paymentMethod\":"
        + method
        + "}";
  }
}
