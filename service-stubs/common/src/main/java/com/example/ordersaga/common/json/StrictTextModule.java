package com.example.ordersaga.common.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import java.io.IOException;

/**
 * Jackson reads the escapes {@code "\ud800"} and {@code "\u0000"} into a Java String that valid
 * UTF-8 on the wire never gives: a lone surrogate, a NUL. With this module every text value is held
 * to {@link StrictText#problem}; a refusal is a mapping error whose path names the field ({@code
 * items[0].productId}), answered 400 like any other invalid value.
 */
public class StrictTextModule extends SimpleModule {

  public StrictTextModule() {
    super("StrictTextModule");
    addDeserializer(String.class, new StrictStrings());
  }

  /** A text value {@link StrictText} refuses; its message says why. */
  public static final class InvalidText extends JsonMappingException {
    InvalidText(JsonParser parser, String problem) {
      super(parser, problem);
    }
  }

  private static final class StrictStrings extends StringDeserializer {

    @Override
    public String deserialize(JsonParser parser, DeserializationContext context)
        throws IOException {
      String text = super.deserialize(parser, context);
      String problem = text == null ? null : StrictText.problem(text);
      if (problem != null) {
        throw new InvalidText(parser, problem);
      }
      return text;
    }
  }
}
