package com.example.ordersaga.common.json;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.ordersaga.common.json.testing.Gen;
import com.example.ordersaga.common.json.testing.HostileBodies;
import com.example.ordersaga.common.json.testing.PropertyCheck;
import com.example.ordersaga.common.json.testing.PropertyCheck.Request;
import com.example.ordersaga.common.json.testing.RequestParsing;
import com.example.ordersaga.common.participant.errors.InvalidRequest;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Whatever bytes a body holds, the shared reading of a service's request ends in 200, 400 or 415,
 * never an exception; and what it accepts is only text that UTF-8 carries and an id may hold.
 */
class StrictJsonBodyProperties {

  private static final String TEMPLATE =
      "{\"userId\":\"@@\",\"items\":[{\"productId\":\"product-1\",\"quantity\":1}]}";

  private final RequestParsing parsing = new RequestParsing();
  private final ObjectMapper json = JsonMapper.builder().addModule(new StrictTextModule()).build();

  record Item(@NotBlank String productId, @NotNull Integer quantity) {}

  record Order(@NotBlank String userId, @NotNull List<@NotNull @Valid Item> items) {}

  private final Gen<byte[]> bodies = HostileBodies.around(TEMPLATE, "user-1");

  @Test
  void everyBodyIsReadOrRefusedWith400Or415() {
    var outcomes =
        PropertyCheck.forAll(
            "shared request reading",
            HostileBodies.SEED,
            3000,
            Request.of(HostileBodies.jsonContentTypes(), bodies),
            request -> {
              int status = parsing.status(request.contentType(), request.body(), Order.class);
              assertThat(status).isIn(200, 400, 415);
              return status;
            });

    assertThat(outcomes).containsOnlyKeys("200", "400", "415");
  }

  @Test
  void whatIsAcceptedIsValidUtf8AndItsTextHasNoLoneSurrogateOrNul() {
    var outcomes =
        PropertyCheck.forAll(
            "strict UTF-8 decoding", HostileBodies.SEED, 3000, bodies, this::decodedFaithfully);

    assertThat(outcomes).containsOnlyKeys("decoded", "refused");
  }

  private String decodedFaithfully(byte[] body) throws Exception {
    String text;
    try {
      text = StrictJsonBody.read("application/json", body);
    } catch (InvalidRequest refused) {
      return "refused";
    }
    byte[] content = Arrays.copyOfRange(body, StrictJsonBody.start(body), body.length);
    assertThat(text.getBytes(StandardCharsets.UTF_8)).isEqualTo(content);
    Order order;
    try {
      order = json.readValue(text, Order.class);
    } catch (JsonProcessingException unreadable) {
      return "decoded";
    }
    if (order != null && order.userId() != null) {
      assertThat(StrictText.problem(order.userId())).isNull();
    }
    return "decoded";
  }
}
