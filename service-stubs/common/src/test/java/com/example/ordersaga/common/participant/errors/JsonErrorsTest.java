package com.example.ordersaga.common.participant.errors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.example.ordersaga.common.participant.errors.ErrorBody.Violation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;

class JsonErrorsTest {

  enum Method {
    CARD,
    CASH_ON_DELIVERY
  }

  record Item(String productId, Integer quantity) {}

  record Order(Method method, List<Item> items) {}

  private final ObjectMapper json = new ObjectMapper();

  @Test
  void wrongTypeNamesTheNestedField() {
    InvalidRequest invalid =
        invalid("{\"method\":\"CARD\",\"items\":[{\"productId\":\"p\",\"quantity\":\"two\"}]}");

    assertThat(invalid.violations())
        .extracting(Violation::field)
        .containsExactly("items[0].quantity");
  }

  @Test
  void unknownEnumValueNamesTheFieldAndTheAllowedValues() {
    InvalidRequest invalid = invalid("{\"method\":\"BITCOIN\",\"items\":[]}");

    assertThat(invalid.violations())
        .containsExactly(new Violation("method", "must be one of [CARD, CASH_ON_DELIVERY]"));
  }

  @Test
  void malformedJsonIsReportedAsSuch() {
    InvalidRequest invalid = invalid("{\"method\":");

    assertThat(invalid.getMessage()).startsWith("malformed JSON");
  }

  private InvalidRequest invalid(String body) {
    JsonProcessingException error =
        catchThrowableOfType(
            JsonProcessingException.class, () -> json.readValue(body, Order.class));
    return JsonErrors.toInvalidRequest(error);
  }
}
