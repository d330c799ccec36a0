package com.example.ordersaga.common.participant.errors;

import com.example.ordersaga.common.json.StrictTextModule;
import com.example.ordersaga.common.participant.errors.ErrorBody.Violation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import java.util.List;

/** Turns a JSON body that cannot be read into a 400 answer naming the offending field. */
public final class JsonErrors {

  private JsonErrors() {}

  public static InvalidRequest toInvalidRequest(JsonProcessingException error) {
    if (error instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
      String field = path(mapping);
      return new InvalidRequest(
          "invalid value for " + field, List.of(new Violation(field, describe(mapping))));
    }
    return new InvalidRequest(
        "malformed JSON: " + error.getOriginalMessage(),
        List.of(new Violation("", "malformed JSON")));
  }

  /** {@code items[0].quantity}, as Bean Validation names the same field. */
  static String path(JsonMappingException error) {
    StringBuilder path = new StringBuilder();
    for (JsonMappingException.Reference reference : error.getPath()) {
      if (reference.getFieldName() != null) {
        if (!path.isEmpty()) {
          path.append('.');
        }
        path.append(reference.getFieldName());
      } else if (reference.getIndex() >= 0) {
        path.append('[').append(reference.getIndex()).append(']');
      }
    }
    return path.toString();
  }

  private static String describe(JsonMappingException error) {
    if (error instanceof StrictTextModule.InvalidText text) {
      return text.getOriginalMessage();
    }
    if (error instanceof InvalidFormatException format && format.getTargetType() != null) {
      if (format.getTargetType().isEnum()) {
        return "must be one of "
            + java.util.Arrays.toString(format.getTargetType().getEnumConstants());
      }
      return "must be of type " + format.getTargetType().getSimpleName();
    }
    if (error instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
      return "must be of type " + mismatch.getTargetType().getSimpleName();
    }
    return "invalid value";
  }
}
