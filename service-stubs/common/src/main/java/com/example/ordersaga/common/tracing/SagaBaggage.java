package com.example.ordersaga.common.tracing;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.apache.camel.Message;

/**
 * The order's ids as W3C baggage on a call to another service, so the spans it makes carry them too
 * ({@link SagaSpanAttributes}); the trace context itself Camel's tracer adds.
 */
public final class SagaBaggage {

  public static final String HEADER = "baggage";

  private SagaBaggage() {}

  /** Sets the {@code baggage} header: {@code order.id} and, when known, {@code lra.id}. */
  public static void carry(Message message, String orderId, String lraId) {
    if (orderId == null) {
      return;
    }
    String baggage = SagaSpanAttributes.ORDER_ID.getKey() + "=" + encode(orderId);
    if (lraId != null) {
      baggage += "," + SagaSpanAttributes.LRA_ID.getKey() + "=" + encode(lraId);
    }
    message.setHeader(HEADER, baggage);
  }

  /** The entries of a {@code baggage} header (none when it is absent or unreadable). */
  public static Map<String, String> parse(String header) {
    Map<String, String> entries = new HashMap<>();
    if (header == null || header.length() > MAX_HEADER) {
      return entries;
    }
    for (String member : header.split(",")) {
      // A member may carry properties after ';': not ours.
      String entry = member.split(";", 2)[0].trim();
      int equals = entry.indexOf('=');
      if (equals > 0) {
        try {
          entries.put(
              entry.substring(0, equals).trim(),
              URLDecoder.decode(entry.substring(equals + 1).trim(), StandardCharsets.UTF_8));
        } catch (IllegalArgumentException unreadable) {
          // Not percent-encoding: skipped, as W3C baggage says of a malformed member.
        }
      }
    }
    return entries;
  }

  /** W3C baggage's own limit. */
  private static final int MAX_HEADER = 8192;

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
