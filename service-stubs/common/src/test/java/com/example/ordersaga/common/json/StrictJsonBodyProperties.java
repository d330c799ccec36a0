package com.example.ordersaga.common.json;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.ordersaga.common.json.testing.HostileBodies;
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
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

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

  @Property(tries = 3000, seed = HostileBodies.SEED)
  void everyBodyIsReadOrRefusedWith400Or415(
      @ForAll("contentTypes") String contentType, @ForAll("bodies") byte[] body) throws Exception {
    int status = parsing.status(contentType, body, Order.class);

    Statistics.collect(status);
    assertThat(status).isIn(200, 400, 415);
    Statistics.coverage(
        coverage -> {
          coverage.check(200).count(times -> times > 0);
          coverage.check(400).count(times -> times > 0);
          coverage.check(415).count(times -> times > 0);
        });
  }

  @Property(tries = 3000, seed = HostileBodies.SEED)
  void whatIsAcceptedIsValidUtf8AndItsTextHasNoLoneSurrogateOrNul(@ForAll("bodies") byte[] body)
      throws Exception {
    String text;
    try {
      text = StrictJsonBody.read("application/json", body);
    } catch (InvalidRequest refused) {
      Statistics.collect("refused");
      return;
    }
    Statistics.collect("decoded");
    byte[] content = Arrays.copyOfRange(body, StrictJsonBody.start(body), body.length);
    assertThat(text.getBytes(StandardCharsets.UTF_8)).isEqualTo(content);
    Order order;
    try {
      order = json.readValue(text, Order.class);
    } catch (JsonProcessingException unreadable) {
      return;
    }
    if (order != null && order.userId() != null) {
      assertThat(StrictText.problem(order.userId())).isNull();
    }
  }

  @Provide
  Arbitrary<String> contentTypes() {
    return HostileBodies.jsonContentTypes();
  }

  @Provide
  Arbitrary<byte[]> bodies() {
    return HostileBodies.around(TEMPLATE, "user-1");
  }
}
