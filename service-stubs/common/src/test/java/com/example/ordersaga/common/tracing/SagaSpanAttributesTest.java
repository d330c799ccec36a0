package com.example.ordersaga.common.tracing;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.ordersaga.common.logging.LogIds;
import io.opentelemetry.api.baggage.Baggage;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.ReadableSpan;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

class SagaSpanAttributesTest {

  /** The spans as exported, in the order they ended. */
  private static final class Exported implements SpanExporter {
    private final List<SpanData> spans = new CopyOnWriteArrayList<>();

    List<SpanData> getFinishedSpanItems() {
      return spans;
    }

    @Override
    public CompletableResultCode export(Collection<SpanData> batch) {
      spans.addAll(batch);
      return CompletableResultCode.ofSuccess();
    }

    @Override
    public CompletableResultCode flush() {
      return CompletableResultCode.ofSuccess();
    }

    @Override
    public CompletableResultCode shutdown() {
      return CompletableResultCode.ofSuccess();
    }
  }

  private final Exported exported = new Exported();
  private final SagaSpanAttributes attributes = new SagaSpanAttributes();
  private final SdkTracerProvider provider =
      SdkTracerProvider.builder()
          .addSpanProcessor(attributes)
          .addSpanProcessor(SimpleSpanProcessor.create(exported))
          .build();
  private final io.opentelemetry.api.trace.Tracer tracer = provider.get("test");

  @AfterEach
  void clearMdc() {
    MDC.clear();
  }

  @Test
  void idsLearnedBelowReachTheOpenAncestorsEvenAcrossAnExtractedParent() {
    Span request = tracer.spanBuilder("http post /api/orders").startSpan();
    // Camel starts its spans from headers: the parent looks remote though it runs here.
    SpanContext asExtracted =
        SpanContext.createFromRemoteParent(
            request.getSpanContext().getTraceId(),
            request.getSpanContext().getSpanId(),
            TraceFlags.getSampled(),
            TraceState.getDefault());
    Span route =
        tracer
            .spanBuilder("/api/orders")
            .setParent(Context.root().with(Span.wrap(asExtracted)))
            .startSpan();
    MDC.put(LogIds.ORDER_ID, "o-1");
    MDC.put(LogIds.LRA_ID, "lra-1");
    Span step =
        tracer.spanBuilder("order-create").setParent(Context.root().with(route)).startSpan();
    MDC.clear();
    Span after =
        tracer.spanBuilder("payment-save").setParent(Context.root().with(route)).startSpan();
    List.of(after, step, route, request).forEach(Span::end);

    assertThat(exported.getFinishedSpanItems())
        .hasSize(4)
        .allSatisfy(
            span -> {
              assertThat(span.getAttributes().get(SagaSpanAttributes.ORDER_ID))
                  .as(span.getName())
                  .isEqualTo("o-1");
              assertThat(span.getAttributes().get(SagaSpanAttributes.LRA_ID))
                  .as(span.getName())
                  .isEqualTo("lra-1");
            });
  }

  @Test
  void aRemoteCallersBaggageTagsTheSpan() {
    Context fromKafka = Context.root().with(Baggage.builder().put("order.id", "o-2").build());

    tracer.spanBuilder("order-events").setParent(fromKafka).startSpan().end();

    SpanData span = exported.getFinishedSpanItems().get(0);
    assertThat(span.getAttributes().get(SagaSpanAttributes.ORDER_ID)).isEqualTo("o-2");
    assertThat(span.getAttributes().get(SagaSpanAttributes.LRA_ID)).isNull();
  }

  @Test
  void endedSpansAreForgotten() {
    Span parent = tracer.spanBuilder("parent").startSpan();
    parent.end();
    attributes.learned(parent.getSpanContext().getSpanId(), SagaSpanAttributes.ORDER_ID, "o-3");

    assertThat(((ReadableSpan) parent).getAttribute(SagaSpanAttributes.ORDER_ID)).isNull();
  }
}
