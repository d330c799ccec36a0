package com.example.ordersaga.common.json.testing;

import com.example.ordersaga.common.json.StrictJsonBody;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * Generators of request bodies around a valid one: its text field filled with any text (lone
 * surrogates and controls among it, escaped or raw), with hostile or random bytes, the valid body
 * cut short or with a byte changed or inserted, a byte order mark before it, or bytes at random.
 * Most are invalid; some are valid, so that what is accepted is checked too.
 */
public final class HostileBodies {

  /** The one seed of every property over request parsing: a run is replayable. */
  public static final long SEED = 20261202L;

  private static final List<String> CONTENT_TYPES =
      List.of(
          "application/json",
          "application/json; charset=UTF-8",
          "application/json;charset=utf-8",
          "application/json; charset=ISO-8859-1",
          "application/json; charset=UTF-16",
          "application/problem+json",
          "text/plain");

  private HostileBodies() {}

  /** A Content-Type, application/json most of the time. */
  public static Gen<String> contentTypes() {
    return Gen.mostly(6, 10, Gen.just("application/json"), Gen.of(CONTENT_TYPES));
  }

  /** A JSON Content-Type, or none: what a service's JSON binding reads. */
  public static Gen<String> jsonContentTypes() {
    Gen<String> json = Gen.of(CONTENT_TYPES.stream().filter(StrictJsonBody::isJson).toList());
    return Gen.mostly(
        6, 10, Gen.just("application/json"), Gen.mostly(3, 4, json, Gen.just((String) null)));
  }

  /** Bodies around {@code template}: valid JSON with {@link RawJson#HOLE} in a text value. */
  public static Gen<byte[]> around(String template, String validValue) {
    byte[] valid = RawJson.fill(template, validValue);
    Gen<String> anyText = Gen.anyChars(20);
    Gen<byte[]> body =
        Gen.oneOf(
            anyText.map(text -> RawJson.fill(template, escaped(text))),
            anyText.map(text -> RawJson.fill(template, raw(text))),
            hostileBytes().map(bytes -> RawJson.fill(template, bytes)),
            Gen.of(HostileTexts.INVALID_ESCAPES).map(escape -> RawJson.fill(template, escape)),
            mutated(valid),
            Gen.just(valid),
            Gen.bytes(24));
    return Gen.mostly(1, 10, body.map(bytes -> RawJson.concat(HostileTexts.BOM, bytes)), body);
  }

  /** Named hostile sequences and random bytes. */
  private static Gen<byte[]> hostileBytes() {
    return Gen.oneOf(
        Gen.of(HostileTexts.INVALID_UTF8).map(HostileTexts.Sequence::bytes), Gen.bytes(24));
  }

  /** {@code valid} cut short, or a byte changed, or a hostile sequence inserted. */
  private static Gen<byte[]> mutated(byte[] valid) {
    Gen<Integer> at = Gen.between(0, valid.length - 1);
    Gen<byte[]> cut = at.map(end -> Arrays.copyOf(valid, end));
    Gen<byte[]> changed =
        random -> {
          byte[] copy = valid.clone();
          copy[at.next(random)] = (byte) random.nextInt(256);
          return copy;
        };
    Gen<byte[]> inserted =
        random -> {
          int index = at.next(random);
          return RawJson.concat(
              Arrays.copyOf(valid, index),
              hostileBytes().next(random),
              Arrays.copyOfRange(valid, index, valid.length));
        };
    return Gen.oneOf(cut, changed, inserted);
  }

  /** {@code text} as a JSON string's content, every char outside printable ASCII escaped. */
  private static String escaped(String text) {
    StringBuilder json = new StringBuilder();
    for (char c : text.toCharArray()) {
      if (c == '"' || c == '\\') {
        json.append('\\').append(c);
      } else if (c < 0x20 || c > 0x7E) {
        json.append(String.format("\\u%04x", (int) c));
      } else {
        json.append(c);
      }
    }
    return json.toString();
  }

  /**
   * {@code text} unescaped, as UTF-8 bytes; a lone surrogate as the three bytes of its code unit
   * (CESU-style), which is what a careless encoder sends and no valid UTF-8 holds.
   */
  private static byte[] raw(String text) {
    java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isSurrogate(c)) {
        bytes.write(0xE0 | (c >> 12));
        bytes.write(0x80 | ((c >> 6) & 0x3F));
        bytes.write(0x80 | (c & 0x3F));
      } else {
        bytes.writeBytes(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
      }
    }
    return bytes.toByteArray();
  }
}
