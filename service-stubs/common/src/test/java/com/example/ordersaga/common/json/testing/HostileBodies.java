package com.example.ordersaga.common.json.testing;

import com.example.ordersaga.common.json.StrictJsonBody;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/**
 * jqwik generators of request bodies around a valid one: its text field filled with any text (lone
 * surrogates and controls among it, escaped or raw), with hostile or random bytes, the valid body
 * cut short or with a byte changed or inserted, a byte order mark before it, or bytes at random.
 * Most are invalid; some are valid, so that what is accepted is checked too.
 */
public final class HostileBodies {

  /** The one seed of every property over request parsing: a run is replayable. */
  public static final String SEED = "20261202";

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
  public static Arbitrary<String> contentTypes() {
    return Arbitraries.frequencyOf(
        Tuple.of(6, Arbitraries.just("application/json")),
        Tuple.of(4, Arbitraries.of(CONTENT_TYPES)));
  }

  /** A JSON Content-Type, or none: what a service's JSON binding reads. */
  public static Arbitrary<String> jsonContentTypes() {
    return Arbitraries.frequencyOf(
        Tuple.of(6, Arbitraries.just("application/json")),
        Tuple.of(3, Arbitraries.of(CONTENT_TYPES.stream().filter(StrictJsonBody::isJson).toList())),
        Tuple.of(1, Arbitraries.just(null)));
  }

  /** Bodies around {@code template}: valid JSON with {@link RawJson#HOLE} in a text value. */
  public static Arbitrary<byte[]> around(String template, String validValue) {
    byte[] valid = RawJson.fill(template, validValue);
    Arbitrary<byte[]> body =
        Arbitraries.oneOf(
            anyText().map(text -> RawJson.fill(template, escaped(text))),
            anyText().map(text -> RawJson.fill(template, raw(text))),
            hostileBytes().map(bytes -> RawJson.fill(template, bytes)),
            Arbitraries.of(HostileTexts.INVALID_ESCAPES).map(e -> RawJson.fill(template, e)),
            mutated(valid),
            Arbitraries.just(valid),
            randomBytes());
    return Combinators.combine(body, Arbitraries.integers().between(0, 9))
        .as((bytes, dice) -> dice == 0 ? RawJson.concat(HostileTexts.BOM, bytes) : bytes);
  }

  /** Any text: every char, surrogates (paired or not) and controls among them. */
  private static Arbitrary<String> anyText() {
    return Arbitraries.strings().all().ofMaxLength(20);
  }

  /** Named hostile sequences and random bytes. */
  private static Arbitrary<byte[]> hostileBytes() {
    return Arbitraries.oneOf(
        Arbitraries.of(HostileTexts.INVALID_UTF8).map(HostileTexts.Sequence::bytes), randomBytes());
  }

  private static Arbitrary<byte[]> randomBytes() {
    return Arbitraries.bytes().array(byte[].class).ofMaxSize(24);
  }

  /** {@code valid} cut short, or a byte changed, or a hostile sequence inserted. */
  private static Arbitrary<byte[]> mutated(byte[] valid) {
    Arbitrary<Integer> at = Arbitraries.integers().between(0, valid.length - 1);
    return Arbitraries.oneOf(
        at.map(end -> Arrays.copyOf(valid, end)),
        Combinators.combine(at, Arbitraries.bytes())
            .as(
                (index, value) -> {
                  byte[] changed = valid.clone();
                  changed[index] = value;
                  return changed;
                }),
        Combinators.combine(at, hostileBytes())
            .as(
                (index, inserted) ->
                    RawJson.concat(
                        Arrays.copyOf(valid, index),
                        inserted,
                        Arrays.copyOfRange(valid, index, valid.length))));
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
