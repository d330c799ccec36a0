package com.example.ordersaga.common.tracing;

import com.example.ordersaga.common.logging.LogIds;
import io.opentelemetry.api.baggage.Baggage;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.ReadWriteSpan;
import io.opentelemetry.sdk.trace.ReadableSpan;
import io.opentelemetry.sdk.trace.SpanProcessor;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.MDC;

/**
 * Tags the spans of an order with {@code order.id} and, once known, {@code lra.id}. A span takes
 * them at its start from the logging MDC, where the work runs in a Camel exchange that knows them
 * ({@link LogIds}), or else from its parent, when that is open in this process, or else from the
 * baggage its caller sent ({@link SagaBaggage}: a Kafka record's headers). Ids often become known
 * below the span that should carry them (the orchestrator's request span starts before the order
 * has an id; a service's request span before its route has read the body), so a span that learns
 * them passes them up to its open local ancestors.
 */
public class SagaSpanAttributes implements SpanProcessor {

  public static final AttributeKey<String> ORDER_ID = AttributeKey.stringKey("order.id");
  public static final AttributeKey<String> LRA_ID = AttributeKey.stringKey("lra.id");

  /** The spans of this process that have started and not ended yet, by span id. */
  private final Map<String, ReadWriteSpan> open = new ConcurrentHashMap<>();

  @Override
  public void onStart(Context parentContext, ReadWriteSpan span) {
    open.put(span.getSpanContext().getSpanId(), span);
    ReadableSpan parent = parentOf(span);
    Baggage baggage = Baggage.fromContext(parentContext);
    tag(span, ORDER_ID, MDC.get(LogIds.ORDER_ID), baggage, parent);
    tag(span, LRA_ID, MDC.get(LogIds.LRA_ID), baggage, parent);
  }

  /**
   * The span's parent if it is open in this process. Found by id, not through the context: Camel's
   * spans take their parent from headers, so even one started here looks remote.
   */
  private ReadWriteSpan parentOf(ReadableSpan span) {
    return span.getParentSpanContext().isValid()
        ? open.get(span.getParentSpanContext().getSpanId())
        : null;
  }

  /** Tags {@code span} (at once, or later: while it is open) and passes the id up. */
  public void learned(ReadWriteSpan span, AttributeKey<String> key, String value) {
    ReadWriteSpan current = span;
    // Bounded by the depth of the local span tree: every hop goes one parent up.
    while (current != null && !value.equals(current.getAttribute(key))) {
      current.setAttribute(key, value);
      current = parentOf(current);
    }
  }

  /** {@link #learned} for a span found by its id, if it is open here. */
  public void learned(String spanId, AttributeKey<String> key, String value) {
    ReadWriteSpan span = open.get(spanId);
    if (span != null && value != null && !value.isEmpty()) {
      learned(span, key, value);
    }
  }

  /**
   * Links the open span {@code spanId} to the span a W3C {@code traceparent} names, and tags the
   * linked trace's id ({@link CallbackTraceLink#TRACE_TAG}). An unreadable value links nothing.
   */
  public void linkTo(String spanId, String traceparent) {
    ReadWriteSpan span = open.get(spanId);
    Matcher parts = TRACEPARENT.matcher(traceparent);
    if (span == null || !parts.matches()) {
      return;
    }
    SpanContext linked =
        SpanContext.createFromRemoteParent(
            parts.group(1), parts.group(2), TraceFlags.getSampled(), TraceState.getDefault());
    if (linked.isValid()) {
      span.addLink(linked);
      span.setAttribute(CallbackTraceLink.TRACE_TAG, linked.getTraceId());
    }
  }

  private static final Pattern TRACEPARENT =
      Pattern.compile("00-([0-9a-f]{32})-([0-9a-f]{16})-[0-9a-f]{2}");

  private void tag(
      ReadWriteSpan span,
      AttributeKey<String> key,
      String fromLogs,
      Baggage baggage,
      ReadableSpan parent) {
    String fromCaller = baggage.getEntryValue(key.getKey());
    if (fromLogs != null && !fromLogs.isEmpty()) {
      learned(span, key, fromLogs);
    } else if (parent != null && parent.getAttribute(key) != null) {
      span.setAttribute(key, parent.getAttribute(key));
    } else if (fromCaller != null && LogIds.loggable(fromCaller)) {
      learned(span, key, fromCaller);
    }
  }

  @Override
  public boolean isStartRequired() {
    return true;
  }

  @Override
  public void onEnd(ReadableSpan span) {
    open.remove(span.getSpanContext().getSpanId());
  }

  @Override
  public boolean isEndRequired() {
    return true;
  }

  @Override
  public CompletableResultCode shutdown() {
    open.clear();
    return CompletableResultCode.ofSuccess();
  }
}
