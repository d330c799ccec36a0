package com.example.ordersaga.common.json.testing;

import static com.example.ordersaga.common.json.testing.RawJson.bytes;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The hostile corpus of text encodings: byte sequences that are not UTF-8, and escapes that give
 * text no valid UTF-8 gives (a lone surrogate, a NUL). Each service's and the orchestrator's tests
 * put them into an otherwise valid request and expect the contract's 400, nothing written.
 */
public final class HostileTexts {

  /** The UTF-8 byte order mark: accepted (and dropped) before a body. */
  public static final byte[] BOM = bytes(0xEF, 0xBB, 0xBF);

  /** A named byte sequence. */
  public record Sequence(String name, byte[] bytes) {
    @Override
    public String toString() {
      return name;
    }
  }

  /** One hostile request: its body and the field the 400 must name. */
  public record Case(String name, byte[] body, String field) {
    @Override
    public String toString() {
      return name;
    }
  }

  /** Not UTF-8: each is refused as a whole body ({@code "body"}), wherever it stands. */
  public static final List<Sequence> INVALID_UTF8 =
      List.of(
          new Sequence("bytes FF FE", bytes(0xFF, 0xFE)),
          new Sequence("a lone continuation byte 80", bytes(0x80)),
          new Sequence("overlong '/' C0 AF", bytes(0xC0, 0xAF)),
          new Sequence("overlong '/' E0 80 AF", bytes(0xE0, 0x80, 0xAF)),
          new Sequence("an encoded surrogate ED A0 80", bytes(0xED, 0xA0, 0x80)),
          new Sequence("a truncated sequence E2 82", bytes(0xE2, 0x82)),
          new Sequence("Latin-1 é as E9", bytes(0xE9)),
          new Sequence("past U+10FFFF F4 90 80 80", bytes(0xF4, 0x90, 0x80, 0x80)),
          new Sequence("a raw NUL byte 00", bytes(0x00)));

  /** JSON escapes of text that UTF-8 cannot carry or no id may hold: refused naming the field. */
  public static final List<String> INVALID_ESCAPES =
      List.of("\\ud800", "\\udfff", "x\\ud800y", "\\udc00\\ud800", "\\u0000", "\\u001b");

  private HostileTexts() {}

  /**
   * Every hostile text in the text field {@code field} of {@code template} (JSON with {@link
   * RawJson#HOLE} in that field's value), and the whole template in Latin-1.
   */
  public static List<Case> in(String template, String field) {
    List<Case> cases = new ArrayList<>();
    for (Sequence sequence : INVALID_UTF8) {
      cases.add(
          new Case(
              field + " with " + sequence.name(),
              RawJson.fill(template, RawJson.concat(RawJson.utf8("x"), sequence.bytes())),
              "body"));
    }
    for (String escape : INVALID_ESCAPES) {
      cases.add(new Case(field + " " + escape, RawJson.fill(template, escape), field));
    }
    cases.add(
        new Case(
            "the whole body in Latin-1 (" + field + " josé)",
            template.replace(RawJson.HOLE, "jos\u00e9").getBytes(StandardCharsets.ISO_8859_1),
            "body"));
    return cases;
  }
}
