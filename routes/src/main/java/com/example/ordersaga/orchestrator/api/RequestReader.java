package com.example.ordersaga.orchestrator.api;

import com.example.ordersaga.participant.ErrorBody.Violation;
import com.example.ordersaga.participant.InvalidRequest;
import com.example.ordersaga.participant.RequestValidator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.type.LogicalType;
import java.io.IOException;
import java.util.List;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;

/**
 * Reads {@code POST /api/orders} strictly: JSON only (else 415), no duplicate keys, no numbers in
 * strings or fractions where integers belong, then Bean Validation. Every refusal names the field.
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
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .build();
    strict
        .coercionConfigFor(LogicalType.Enum)
        .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail);
    this.reader = strict.readerFor(PlaceOrderRequest.class);
    this.validator = validator;
  }

  public PlaceOrderRequest read(String contentType, String body) throws IOException {
    if (!isJson(contentType)) {
      throw new UnsupportedMediaType(contentType);
    }
    if (body == null || body.isBlank()) {
      throw new InvalidRequest(
          "request body is required", List.of(new Violation("", "request body is required")));
    }
    PlaceOrderRequest request = reader.readValue(body);
    validator.validate(request);
    return request;
  }

  private static boolean isJson(String contentType) {
    if (contentType == null) {
      return false;
    }
    try {
      return MediaType.APPLICATION_JSON.isCompatibleWith(MediaType.parseMediaType(contentType));
    } catch (InvalidMediaTypeException e) {
      return false;
    }
  }

  /** Not {@code application/json}: 415 with the contract's validation body. */
  public static class UnsupportedMediaType extends RuntimeException {
    public UnsupportedMediaType(String contentType) {
      super("Content-Type must be application/json, was " + contentType, null, false, false);
    }
  }
}
