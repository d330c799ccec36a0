package com.example.ordersaga.common.json;

import static com.example.ordersaga.common.json.testing.RawJson.bytes;
import static com.example.ordersaga.common.json.testing.RawJson.concat;
import static com.example.ordersaga.common.json.testing.RawJson.utf8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.example.ordersaga.common.json.testing.HostileTexts;
import com.example.ordersaga.common.json.testing.HostileTexts.Sequence;
import com.example.ordersaga.common.participant.errors.ErrorBody.Violation;
import com.example.ordersaga.common.participant.errors.InvalidRequest;
import com.example.ordersaga.common.participant.errors.JsonErrors;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Strict UTF-8 decoding, the byte order mark, and the text no field may hold. */
class StrictTextTest {

  private final ObjectMapper json = JsonMapper.builder().addModule(new StrictTextModule()).build();

  record Line(String productId) {}

  record Order(String userId, List<Line> items) {}

  static Stream<Sequence> invalidUtf8() {
    return HostileTexts.INVALID_UTF8.stream();
  }

  @ParameterizedTest
  @MethodSource("invalidUtf8")
  void bytesThatAreNotUtf8AreRefusedNamingTheField(Sequence sequence) {
    byte[] body = concat(utf8("{\"userId\":\"user"), sequence.bytes(), utf8("\"}"));

    assertThatThrownBy(() -> StrictText.decode("body", body))
        .isInstanceOfSatisfying(
            InvalidRequest.class,
            invalid ->
                assertThat(invalid.violations())
                    .extracting(Violation::field)
                    .containsExactly("body"));
  }

  @Test
  void aLeadingByteOrderMarkIsDroppedAndOnlyThat() {
    assertThat(StrictText.decode("body", concat(HostileTexts.BOM, utf8("{}")))).isEqualTo("{}");
    assertThat(StrictText.decode("body", concat(HostileTexts.BOM, HostileTexts.BOM, utf8("{}"))))
        .isEqualTo("\uFEFF{}");
  }

  @Test
  void validUtf8IsDecodedAsItIs() {
    String text = "{\"userId\":\"josé 😀 ＰＲＯＤＵＣＴ\",\n\t\"x\":1}\r\n";

    assertThat(StrictText.decode("body", utf8(text))).isEqualTo(text);
  }

  @ParameterizedTest
  @ValueSource(strings = {"\uD800", "a\uDFFFb", "\uDC00\uD800", "\u0000", "id\u001b"})
  void loneSurrogatesAndControlCharactersAreNoText(String text) {
    assertThat(StrictText.problem(text)).as(text).isNotNull();
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "user-1", "\uD83D\uDE00", "a\tb\nc\r", "p\u0301roduct", "\uFEFF"})
  void anythingElseIsText(String text) {
    assertThat(StrictText.problem(text)).as(text).isNull();
  }

  @ParameterizedTest
  @ValueSource(strings = {"\\ud800", "x\\udfffy", "\\udc00\\ud800", "\\u0000", "\\u001b"})
  void escapedLoneSurrogatesAndNulsAreRefusedWithTheFieldsPath(String escape) {
    String body = "{\"userId\":\"u\",\"items\":[{\"productId\":\"" + escape + "\"}]}";

    assertThatThrownBy(() -> json.readValue(body, Order.class))
        .isInstanceOfSatisfying(
            JsonMappingException.class,
            error ->
                assertThat(JsonErrors.toInvalidRequest(error).violations())
                    .extracting(Violation::field)
                    .containsExactly("items[0].productId"));
  }

  @Test
  void escapedSurrogatePairsAndWhitespaceAreText() throws Exception {
    Order order = json.readValue("{\"userId\":\"\\ud83d\\ude00\\t\",\"items\":[]}", Order.class);

    assertThat(order.userId()).isEqualTo("\uD83D\uDE00\t");
  }

  @Test
  void theOffendingByteIsNamed() {
    assertThatThrownBy(() -> StrictText.decode("body", bytes('a', 'b', 0xFF)))
        .hasMessage("body is not valid UTF-8 (at byte 2)");
  }
}
