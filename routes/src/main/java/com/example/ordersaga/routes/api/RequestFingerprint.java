package com.example.ordersaga.routes.api;

import com.example.ordersaga.routes.plan.PlaceOrderRequest;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * What an Idempotency-Key is bound to: a SHA-256 of the request as read (not of its bytes), so the
 * same order with other spacing, field order or an omitted default is the same request, and any
 * other order is not.
 */
final class RequestFingerprint {

  private RequestFingerprint() {}

  static String of(ObjectMapper json, PlaceOrderRequest request) throws JsonProcessingException {
    // No points and 0 points are the same order.
    PlaceOrderRequest normal =
        new PlaceOrderRequest(
            request.userId(), request.items(), request.points(), request.paymentMethod());
    try {
      return HexFormat.of()
          .formatHex(MessageDigest.getInstance("SHA-256").digest(json.writeValueAsBytes(normal)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }
}
