package com.example.ordersaga.common.tracing;

import org.apache.camel.Exchange;
import org.apache.camel.Expression;
import org.apache.camel.support.ExpressionAdapter;
import org.apache.camel.tracing.ActiveSpanManager;
import org.apache.camel.tracing.SpanAdapter;

/**
 * Narayana calls a participant's compensation and completion with no trace context, so each
 * callback is a trace of its own. A join registers the span it runs in as an option (camel-lra
 * passes options as query parameters of the callback URLs): the callback's span links to it, and
 * tags the order's trace id, which Zipkin (it shows no links) can search for.
 */
public final class CallbackTraceLink {

  /** The callback URL's query parameter: a W3C {@code traceparent} value. */
  public static final String OPTION = "orderTrace";

  /** Zipkin has no span links: the linked trace's id as a searchable tag. */
  public static final String TRACE_TAG = "order.trace_id";

  private CallbackTraceLink() {}

  /** The option's value: the joining exchange's span as a {@code traceparent} (empty if none). */
  public static Expression joiningSpan() {
    return new ExpressionAdapter() {
      @Override
      public Object evaluate(Exchange exchange) {
        SpanAdapter span = ActiveSpanManager.getSpan(exchange);
        return span == null ? null : "00-" + span.traceId() + "-" + span.spanId() + "-01";
      }
    };
  }
}
