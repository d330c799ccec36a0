package com.example.ordersaga.routes.api;

import static com.example.ordersaga.common.json.testing.RawJson.concat;
import static com.example.ordersaga.common.json.testing.RawJson.utf8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.example.ordersaga.common.json.StrictJsonBody;
import com.example.ordersaga.common.json.testing.HostileTexts;
import com.example.ordersaga.common.json.testing.HostileTexts.Case;
import com.example.ordersaga.common.participant.errors.ErrorBody.Violation;
import com.example.ordersaga.common.participant.errors.InvalidRequest;
import com.example.ordersaga.common.participant.errors.JsonErrors;
import com.example.ordersaga.common.participant.errors.RequestValidator;
import com.example.ordersaga.routes.plan.PaymentMethod;
import com.example.ordersaga.routes.plan.PlaceOrderRequest;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.validation.Validation;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The strict reading of {@code POST /api/orders}, including what the hostile corpus of the system
 * tests found Jackson would otherwise accept: numbers and booleans read as ids, blank or NUL text
 * read as "no points", an enum by its index or with spaces around its name, wildcard content types,
 * bytes that are not UTF-8 and escapes of text that UTF-8 cannot carry.
 */
class RequestReaderTest {

  private final RequestReader reader =
      new RequestReader(
          new ObjectMapper(),
          new RequestValidator(Validation.buildDefaultValidatorFactory().getValidator()));

  @Test
  void aValidOrderIsRead() throws Exception {
    PlaceOrderRequest request =
        read("application/json; charset=UTF-8", order("\"user-1\"", "500", "\"CARD\""));

    assertThat(request.userId()).isEqualTo("user-1");
    assertThat(request.points()).isEqualTo(500);
    assertThat(request.paymentMethod()).isEqualTo(PaymentMethod.CARD);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"true", "false", "0", "-1", "1.5", "1e309", "1E2", "99999999999999999999"})
  void aScalarIsNoUserId(String userId) {
    assertThatThrownBy(() -> read("application/json", order(userId, "0", "\"CARD\"")))
        .isInstanceOf(JsonMappingException.class);
  }

  @ParameterizedTest
  @ValueSource(strings = {"\" \"", "\"\\u0000\"", "\"\\t\"", "\"\"", "\"5\"", "true", "1.5"})
  void textIsNoPoints(String points) {
    assertThatThrownBy(() -> read("application/json", order("\"user-1\"", points, "\"CARD\"")))
        .isInstanceOf(JsonMappingException.class);
  }

  @ParameterizedTest
  @ValueSource(strings = {"0", "1", "\"CARD \"", "\" CARD\"", "\"card\"", "\"\"", "true"})
  void anEnumIsItsExactName(String method) {
    assertThatThrownBy(() -> read("application/json", order("\"user-1\"", "0", method)))
        .isInstanceOf(JsonMappingException.class);
  }

  @ParameterizedTest
  @ValueSource(strings = {"\"user\\n1\"", "\"user\\t1\"", "\"user\\u007f\""})
  void idsHaveNoControlCharacters(String userId) {
    assertThatThrownBy(() -> read("application/json", order(userId, "0", "\"CARD\"")))
        .isInstanceOf(InvalidRequest.class);
  }

  static Stream<Case> hostileUserIds() {
    return HostileTexts.in(order("\"@@\"", "0", "\"CARD\""), "userId").stream();
  }

  @ParameterizedTest
  @MethodSource("hostileUserIds")
  void invalidUtf8AndTextNoUtf8CarriesAreRefusedNamingTheField(Case hostile) {
    assertThatThrownBy(() -> reader.read("application/json", hostile.body()))
        .satisfies(
            refused ->
                assertThat(violations(refused))
                    .extracting(Violation::field)
                    .containsExactly(hostile.field()));
  }

  @Test
  void aLeadingByteOrderMarkIsIgnored() throws Exception {
    byte[] body = concat(HostileTexts.BOM, utf8(order("\"user-1\"", "0", "\"CARD\"")));

    assertThat(reader.read("application/json", body).userId()).isEqualTo("user-1");
  }

  @Test
  void aByteOrderMarkAloneIsNoBody() {
    assertThatThrownBy(() -> reader.read("application/json", HostileTexts.BOM))
        .isInstanceOf(InvalidRequest.class);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"application/json; charset=ISO-8859-1", "application/json;charset=UTF-16"})
  void aBodyInAnotherCharsetIsUnsupported(String contentType) {
    assertThatThrownBy(() -> read(contentType, order("\"user-1\"", "0", "\"CARD\"")))
        .isInstanceOf(StrictJsonBody.UnsupportedCharset.class);
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
    assertThatThrownBy(() -> read(contentType, order("\"user-1\"", "0", "\"CARD\"")))
        .isInstanceOf(RequestReader.UnsupportedMediaType.class);
  }

  private PlaceOrderRequest read(String contentType, String body) throws Exception {
    return reader.read(contentType, utf8(body));
  }

  private static List<Violation> violations(Throwable refused) {
    if (refused instanceof JsonProcessingException unreadable) {
      return JsonErrors.toInvalidRequest(unreadable).violations();
    }
    return ((InvalidRequest) refused).violations();
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
