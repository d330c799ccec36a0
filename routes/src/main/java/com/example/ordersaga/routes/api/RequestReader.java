package com.example.ordersaga.routes.api;

import com.example.ordersaga.common.json.StrictJsonBody;
import com.example.ordersaga.common.json.StrictTextModule;
import com.example.ordersaga.common.participant.errors.ErrorBody;
import com.example.ordersaga.common.participant.errors.ErrorBody.Violation;
import com.example.ordersaga.common.participant.errors.InvalidRequest;
import com.example.ordersaga.common.participant.errors.RequestValidator;
import com.example.ordersaga.routes.plan.PaymentMethod;
import com.example.ordersaga.routes.plan.PlaceOrderRequest;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.LogicalType;
import java.io.IOException;
import java.util.List;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;

/**
 * Reads {@code POST /api/orders} strictly: JSON only (else 415), in UTF-8 (another charset 415,
 * invalid bytes 400, a leading byte order mark dropped), no duplicate keys, no numbers in strings
 * or fractions where integers belong, no lone surrogate or NUL in a text, then Bean Validation.
 * Every refusal names the field, or {@code body}; nothing reaches the saga before it.
 */
public class RequestReader {

  private final ObjectReader reader;
  private final RequestValidator validator;

  public RequestReader(ObjectMapper json, RequestValidator validator) {
    JsonMapper strict =
        JsonMapper.builder()
            .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .addModule(
                new SimpleModule()
                    .addDeserializer(PaymentMethod.class, new ExactEnum<>(PaymentMethod.class)))
            .addModule(new StrictTextModule())
            .build();
    // A value is read as what it is: no number or boolean becomes a text, no text (blank or
    // not) becomes a number or nothing.
    strict.coercionConfigDefaults().setAcceptBlankAsEmpty(false);
    for (CoercionInputShape scalar :
        List.of(CoercionInputShape.Integer, CoercionInputShape.Float, CoercionInputShape.Boolean)) {
      strict.coercionConfigFor(LogicalType.Textual).setCoercion(scalar, CoercionAction.Fail);
    }
    for (LogicalType type : List.of(LogicalType.Integer, LogicalType.Float, LogicalType.Enum)) {
      strict
          .coercionConfigFor(type)
          .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
          .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail);
    }
    this.reader = strict.readerFor(PlaceOrderRequest.class);
    this.validator = validator;
  }

  public PlaceOrderRequest read(String contentType, byte[] body) throws IOException {
    if (!isJson(contentType)) {
      throw new UnsupportedMediaType(contentType);
    }
    String text = StrictJsonBody.read(contentType, body == null ? new byte[0] : body);
    if (text.isBlank()) {
      throw new InvalidRequest(
          "request body is required", List.of(new Violation("", "request body is required")));
    }
    PlaceOrderRequest request = reader.readValue(text);
    validator.validate(request);
    return request;
  }

  /** Exactly application/json, with or without parameters (a charset is checked on reading). */
  public static boolean isJson(String contentType) {
    if (contentType == null) {
      return false;
    }
    try {
      // Exactly application/json (any charset): a wildcard such as */* is no content type.
      MediaType type = MediaType.parseMediaType(contentType);
      return !type.isWildcardType()
          && !type.isWildcardSubtype()
          && MediaType.APPLICATION_JSON.includes(type);
    } catch (InvalidMediaTypeException e) {
      return false;
    }
  }

  /**
   * An enum by its exact name: Jackson's own reader also accepts a name with spaces around it (it
   * retries trimmed), which a strict API does not.
   */
  private static final class ExactEnum<E extends Enum<E>> extends StdScalarDeserializer<E> {

    private final Class<E> type;

    ExactEnum(Class<E> type) {
      super(type);
      this.type = type;
    }

    @Override
    public E deserialize(JsonParser parser, DeserializationContext context) throws IOException {
      if (!parser.hasToken(JsonToken.VALUE_STRING)) {
        return type.cast(context.handleUnexpectedToken(type, parser));
      }
      String name = parser.getText();
      for (E constant : type.getEnumConstants()) {
        if (constant.name().equals(name)) {
          return constant;
        }
      }
      return type.cast(context.handleWeirdStringValue(type, name, "not one of the values"));
    }
  }

  /** Not {@code application/json}: 415 with the contract's validation body. */
  public static class UnsupportedMediaType extends RuntimeException {
    public UnsupportedMediaType(String contentType) {
      super("Content-Type must be application/json, was " + contentType, null, false, false);
    }

    /** The contract's 415 body. */
    public ErrorBody body() {
      return ErrorBody.invalid(
          getMessage(), List.of(new Violation("Content-Type", "must be application/json")));
    }
  }
}
