package com.example.ordersaga.common.tracing;

import com.example.ordersaga.common.logging.LogIds;
import java.util.concurrent.Callable;
import org.apache.camel.Exchange;
import org.apache.camel.tracing.ActiveSpanManager;
import org.apache.camel.tracing.SpanAdapter;
import org.slf4j.MDC;

/**
 * The span Camel's tracer keeps for an exchange (none when tracing is off), for work a route's
 * processor does outside the route's own sends.
 */
public final class ExchangeSpans {

  private ExchangeSpans() {}

  /**
   * Runs {@code work} inside the exchange's span and names its order in the logging MDC: an
   * exchange the work sends with a {@code ProducerTemplate} is a fresh one, which Camel's tracer
   * would otherwise start as a trace of its own, untagged.
   */
  public static <T> T within(Exchange exchange, Callable<T> work) throws Exception {
    String orderId = exchange.getProperty(LogIds.ORDER_ID, String.class);
    String mdcBefore = MDC.get(LogIds.ORDER_ID);
    if (orderId != null && LogIds.loggable(orderId)) {
      MDC.put(LogIds.ORDER_ID, orderId);
    }
    SpanAdapter span = ActiveSpanManager.getSpan(exchange);
    try (AutoCloseable scope = span == null ? null : span.makeCurrent()) {
      return work.call();
    } finally {
      if (mdcBefore == null) {
        MDC.remove(LogIds.ORDER_ID);
      } else {
        MDC.put(LogIds.ORDER_ID, mdcBefore);
      }
    }
  }

  /**
   * Tags the exchange's span with the order's ids learned after it started (a Kafka record's span
   * starts before its body is read).
   */
  public static void nameOrder(Exchange exchange, String orderId, String lraId) {
    SpanAdapter span = ActiveSpanManager.getSpan(exchange);
    if (span == null) {
      return;
    }
    if (orderId != null && LogIds.loggable(orderId)) {
      span.setTag(SagaSpanAttributes.ORDER_ID.getKey(), orderId);
    }
    if (lraId != null && LogIds.loggable(lraId)) {
      span.setTag(SagaSpanAttributes.LRA_ID.getKey(), lraId);
    }
  }
}
