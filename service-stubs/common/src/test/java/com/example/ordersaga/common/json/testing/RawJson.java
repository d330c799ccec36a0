package com.example.ordersaga.common.json.testing;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Request bodies as bytes: a Java String cannot hold invalid UTF-8, so a test that sends one would
 * send valid text instead. A template is JSON text with {@link #HOLE} where the raw bytes go.
 */
public final class RawJson {

  /** Where {@link #fill} puts the raw bytes. */
  public static final String HOLE = "@@";

  private RawJson() {}

  /** {@code template} in UTF-8, its {@link #HOLE} replaced by {@code bytes}. */
  public static byte[] fill(String template, byte[] bytes) {
    int hole = template.indexOf(HOLE);
    if (hole < 0) {
      throw new IllegalArgumentException("no " + HOLE + " in " + template);
    }
    return concat(
        utf8(template.substring(0, hole)), bytes, utf8(template.substring(hole + HOLE.length())));
  }

  /** {@code template} with {@code text} (JSON text, escapes and all) in its hole, as UTF-8. */
  public static byte[] fill(String template, String text) {
    return utf8(template.replace(HOLE, text));
  }

  public static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  public static byte[] bytes(int... values) {
    byte[] bytes = new byte[values.length];
    for (int i = 0; i < values.length; i++) {
      bytes[i] = (byte) values[i];
    }
    return bytes;
  }

  public static byte[] concat(byte[]... parts) {
    ByteArrayOutputStream all = new ByteArrayOutputStream();
    for (byte[] part : parts) {
      all.writeBytes(part);
    }
    return all.toByteArray();
  }
}
