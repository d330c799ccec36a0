package com.example.ordersaga.common.json;

import com.example.ordersaga.common.participant.errors.ErrorBody.Violation;
import com.example.ordersaga.common.participant.errors.InvalidRequest;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Text as the contract has it (design.md §3: "All bodies JSON, UTF-8"). Java's own decoding puts a
 * U+FFFD where a byte is not UTF-8, so an id of invalid bytes went on into a saga and failed there
 * (503); and Jackson turns the escape {@code \ud800} into a lone surrogate that no UTF-8 can store.
 * Here invalid bytes and such text are refused as what they are, invalid input, naming the field.
 */
public final class StrictText {

  /** The UTF-8 byte order mark, which RFC 8259 §8.1 lets a parser ignore: it is dropped. */
  static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

  private StrictText() {}

  /**
   * {@code bytes} decoded as UTF-8, a leading byte order mark dropped.
   *
   * @throws InvalidRequest naming {@code field} where a byte is not UTF-8 (an invalid, overlong or
   *     truncated sequence, an encoded surrogate, Latin-1), or is a control character that JSON
   *     allows nowhere unescaped (all but tab, line feed and carriage return, NUL among them)
   */
  public static String decode(String field, byte[] bytes) {
    int start = startsWithBom(bytes) ? BOM.length : 0;
    CharsetDecoder decoder = strictDecoder();
    ByteBuffer input = ByteBuffer.wrap(bytes, start, bytes.length - start);
    String text;
    try {
      text = decoder.decode(input).toString();
    } catch (CharacterCodingException e) {
      throw invalid(field, "is not valid UTF-8 (at byte " + firstInvalidByte(bytes, start) + ")");
    }
    require(field, text);
    return text;
  }

  /**
   * @throws InvalidRequest naming {@code field} when {@code text} holds a lone surrogate or a
   *     control character other than tab, line feed and carriage return (NUL among them: a
   *     PostgreSQL text column cannot store it)
   */
  public static void require(String field, String text) {
    String problem = problem(text);
    if (problem != null) {
      throw invalid(field, problem);
    }
  }

  /** What is wrong with {@code text}, or null when nothing is. */
  public static String problem(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isHighSurrogate(c)
          && i + 1 < text.length()
          && Character.isLowSurrogate(text.charAt(i + 1))) {
        i++;
      } else if (Character.isSurrogate(c)) {
        return "must not contain a lone surrogate (U+" + hex(c) + " at " + i + ")";
      } else if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') {
        return "must not contain control character U+" + hex(c) + " (at " + i + ")";
      }
    }
    return null;
  }

  static boolean startsWithBom(byte[] bytes) {
    return bytes.length >= BOM.length
        && bytes[0] == BOM[0]
        && bytes[1] == BOM[1]
        && bytes[2] == BOM[2];
  }

  /** UTF-8 that reports what it cannot decode, where the JDK's default would replace it. */
  private static CharsetDecoder strictDecoder() {
    return StandardCharsets.UTF_8
        .newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
  }

  /** Where decoding stopped: the offset of the first byte that is not part of valid UTF-8. */
  private static int firstInvalidByte(byte[] bytes, int start) {
    CharsetDecoder decoder = strictDecoder();
    ByteBuffer input = ByteBuffer.wrap(bytes, start, bytes.length - start);
    CharBuffer output = CharBuffer.allocate(bytes.length + 1);
    decoder.decode(input, output, true);
    return input.position();
  }

  private static String hex(char c) {
    return String.format("%04X", (int) c);
  }

  private static InvalidRequest invalid(String field, String problem) {
    return new InvalidRequest(field + " " + problem, List.of(new Violation(field, problem)));
  }
}
