package com.example.ordersaga.common.json;

import com.example.ordersaga.common.participant.errors.ErrorBody;
import com.example.ordersaga.common.participant.errors.ErrorBody.Violation;
import com.example.ordersaga.common.participant.errors.InvalidRequest;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;

/**
 * A JSON request body as the contract has it: UTF-8 (a declared charset may only say so), valid
 * UTF-8 bytes, a leading byte order mark dropped. Anything else is refused before it is parsed:
 * invalid bytes with the contract's 400 naming {@code body}, another charset with 415.
 */
public final class StrictJsonBody {

  /** The field a refusal of the body as a whole names. */
  public static final String FIELD = "body";

  private StrictJsonBody() {}

  /**
   * The text of a body sent with {@code contentType}.
   *
   * @throws UnsupportedCharset when the Content-Type declares a charset other than UTF-8
   * @throws InvalidRequest when the bytes are not UTF-8
   */
  public static String read(String contentType, byte[] body) {
    requireUtf8(contentType);
    return StrictText.decode(FIELD, body);
  }

  /** Whether a body of this Content-Type is JSON: {@code application/json} or {@code …+json}. */
  public static boolean isJson(String contentType) {
    String type = contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
    return type.equals(MediaType.APPLICATION_JSON_VALUE)
        || (type.startsWith("application/") && type.endsWith("+json"));
  }

  /** Where the body starts: past a leading byte order mark, if there is one. */
  public static int start(byte[] body) {
    return StrictText.startsWithBom(body) ? StrictText.BOM.length : 0;
  }

  /**
   * @throws UnsupportedCharset when {@code contentType} declares a charset other than UTF-8, or one
   *     Java does not know
   */
  public static void requireUtf8(String contentType) {
    if (contentType == null) {
      return;
    }
    Charset charset;
    try {
      charset = MediaType.parseMediaType(contentType).getCharset();
    } catch (InvalidMediaTypeException e) {
      throw new UnsupportedCharset(contentType);
    }
    if (charset != null && !charset.equals(StandardCharsets.UTF_8)) {
      throw new UnsupportedCharset(contentType);
    }
  }

  /** A body declared in another charset than UTF-8: 415 with the contract's body. */
  public static class UnsupportedCharset extends RuntimeException {
    public UnsupportedCharset(String contentType) {
      super("a JSON body must be UTF-8, Content-Type was " + contentType, null, false, false);
    }

    public ErrorBody body() {
      return ErrorBody.invalid(
          getMessage(),
          List.of(new Violation("Content-Type", "must be application/json, charset UTF-8")));
    }
  }
}
