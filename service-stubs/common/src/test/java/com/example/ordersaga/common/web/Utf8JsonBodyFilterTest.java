package com.example.ordersaga.common.web;

import static com.example.ordersaga.common.json.testing.RawJson.concat;
import static com.example.ordersaga.common.json.testing.RawJson.utf8;
import static org.assertj.core.api.Assertions.assertThat;

import com.example.ordersaga.common.json.testing.HostileTexts;
import com.example.ordersaga.common.json.testing.HostileTexts.Case;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/** The door every JSON body passes: UTF-8 or the contract's 400, another charset 415. */
class Utf8JsonBodyFilterTest {

  private static final String TEMPLATE = "{\"userId\":\"@@\",\"items\":[]}";

  private final ObjectMapper json = new ObjectMapper();
  private final Utf8JsonBodyFilter filter = new Utf8JsonBodyFilter(json);
  private final MockFilterChain chain = new MockFilterChain();
  private final MockHttpServletResponse response = new MockHttpServletResponse();

  static Stream<Case> invalidBytes() {
    return HostileTexts.in(TEMPLATE, "userId").stream()
        .filter(hostile -> hostile.field().equals("body"));
  }

  @ParameterizedTest
  @MethodSource("invalidBytes")
  void aBodyThatIsNotUtf8IsRefusedWithTheContractsBody(Case hostile) throws Exception {
    filter.doFilter(post("/orders", "application/json", hostile.body()), response, chain);

    assertThat(response.getStatus()).isEqualTo(400);
    JsonNode body = json.readTree(response.getContentAsByteArray());
    assertThat(body.path("error").asText()).isEqualTo("VALIDATION_FAILED");
    assertThat(body.path("message").asText()).startsWith("body ");
    assertThat(body.path("violations").findValuesAsText("field")).containsExactly("body");
    assertThat(chain.getRequest()).as("passed on").isNull();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "application/json; charset=ISO-8859-1",
        "application/json;charset=UTF-16",
        "application/json; charset=nonsense"
      })
  void anotherCharsetIs415(String contentType) throws Exception {
    filter.doFilter(post("/orders", contentType, utf8("{}")), response, chain);

    assertThat(response.getStatus()).isEqualTo(415);
    assertThat(json.readTree(response.getContentAsByteArray()).path("violations").get(0))
        .isEqualTo(
            json.readTree(
                "{\"field\":\"Content-Type\",\"message\":\"must be"
                    + " application/json, charset UTF-8\"}"));
    assertThat(chain.getRequest()).isNull();
  }

  @Test
  void aLeadingByteOrderMarkIsDroppedAndTheBodyPassedOn() throws Exception {
    byte[] order = utf8("{\"userId\":\"josé\"}");

    filter.doFilter(
        post("/orders", "application/json; charset=utf-8", concat(HostileTexts.BOM, order)),
        response,
        chain);

    assertThat(chain.getRequest()).isNotNull();
    assertThat(chain.getRequest().getInputStream().readAllBytes()).isEqualTo(order);
    assertThat(chain.getRequest().getContentLength()).isEqualTo(order.length);
  }

  @Test
  void aBodyWithoutContentTypeIsHeldToUtf8AsWell() throws Exception {
    filter.doFilter(
        post("/orders", null, HostileTexts.INVALID_UTF8.get(0).bytes()), response, chain);

    assertThat(response.getStatus()).isEqualTo(400);
  }

  @ParameterizedTest
  @ValueSource(strings = {"/actuator/health", "/lra-participant/compensate"})
  void theActuatorAndTheCallbacksAreNotLookedAt(String path) throws Exception {
    filter.doFilter(
        post(path, "application/json", HostileTexts.INVALID_UTF8.get(0).bytes()), response, chain);

    assertThat(chain.getRequest()).isNotNull();
  }

  @Test
  void otherContentTypesAreLeftToTheirReaders() throws Exception {
    filter.doFilter(
        post("/orders", "text/plain", HostileTexts.INVALID_UTF8.get(0).bytes()), response, chain);

    assertThat(chain.getRequest()).isNotNull();
  }

  private static MockHttpServletRequest post(String path, String contentType, byte[] body) {
    MockHttpServletRequest request = new MockHttpServletRequest("POST", path);
    if (contentType != null) {
      request.setContentType(contentType);
    }
    request.setContent(body);
    return request;
  }
}
