package com.example.ordersaga.common.participant.errors;

import com.example.ordersaga.common.participant.errors.ErrorBody.Violation;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/** Jakarta Bean Validation of a request body; a route calls it before any work is done. */
public class RequestValidator {

  private final Validator validator;

  public RequestValidator(Validator validator) {
    this.validator = validator;
  }

  public void validate(Object body) {
    // An empty body reaches us unparsed (as text) from the JSON binding.
    if (body == null || body instanceof String text && text.isBlank()) {
      throw new InvalidRequest("request body is required", List.of(new Violation("", "required")));
    }
    Set<ConstraintViolation<Object>> violations = validator.validate(body);
    if (!violations.isEmpty()) {
      List<Violation> fields =
          violations.stream()
              .map(v -> new Violation(v.getPropertyPath().toString(), v.getMessage()))
              .sorted(Comparator.comparing(Violation::field))
              .toList();
      throw new InvalidRequest("request is invalid", fields);
    }
  }
}
