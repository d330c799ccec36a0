package com.example.ordersaga.routes.saga;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;

/** How to read a domain service's answer beyond its status code. */
public final class ServiceAnswers {

  private ServiceAnswers() {}

  /**
   * The service itself said "not found" ({@code {"error":"NOT_FOUND",…}}, design.md's error body),
   * rather than a web server whose routes are not up yet (Spring's own 404 page).
   */
  public static boolean isContractNotFound(String body, ObjectMapper json) {
    if (body == null || body.isBlank()) {
      return false;
    }
    try {
      return "NOT_FOUND".equals(json.readTree(body).path("error").asText());
    } catch (IOException notJson) {
      return false;
    }
  }
}
