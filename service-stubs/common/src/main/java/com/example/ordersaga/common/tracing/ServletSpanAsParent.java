package com.example.ordersaga.common.tracing;

import com.example.ordersaga.common.logging.LogIds;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import org.apache.camel.Exchange;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Spring MVC observes every request it serves (the server span, and its {@code
 * http.server.requests} metrics); Camel's platform-http route behind it starts its own span from
 * the request's headers, which made it a second root per request, beside the servlet's. Here the
 * request shows Camel the servlet span's context (trace context and baggage) in place of the
 * caller's, so the route's spans hang from the servlet span, itself the caller's child. The servlet
 * span takes the order's ids the request names: its {@code baggage} ({@link SagaBaggage}), its
 * {@code Long-Running-Action} header, the {@code orderId} parameter of a coordinator callback; a
 * callback's span links to the span its participant joined in ({@link CallbackTraceLink}).
 */
public class ServletSpanAsParent extends OncePerRequestFilter {

  private final Tracer tracer;
  private final Propagator propagator;
  private final SagaSpanAttributes attributes;

  public ServletSpanAsParent(Tracer tracer, Propagator propagator, SagaSpanAttributes attributes) {
    this.tracer = tracer;
    this.propagator = propagator;
    this.attributes = attributes;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    Span servlet = tracer.currentSpan();
    if (servlet == null) {
      chain.doFilter(request, response);
      return;
    }
    tagFromRequest(servlet.context().spanId(), request);
    Map<String, String> context = new LinkedHashMap<>();
    propagator.inject(servlet.context(), context, Map::put);
    chain.doFilter(new WithHeaders(request, context), response);
  }

  private void tagFromRequest(String spanId, HttpServletRequest request) {
    Map<String, String> baggage = SagaBaggage.parse(request.getHeader(SagaBaggage.HEADER));
    String orderId = baggage.getOrDefault(SagaSpanAttributes.ORDER_ID.getKey(), null);
    if (orderId == null) {
      orderId = request.getParameter(LogIds.ORDER_ID);
    }
    String lraId = request.getHeader(Exchange.SAGA_LONG_RUNNING_ACTION);
    if (lraId == null) {
      lraId = baggage.get(SagaSpanAttributes.LRA_ID.getKey());
    }
    if (orderId != null && LogIds.loggable(orderId)) {
      attributes.learned(spanId, SagaSpanAttributes.ORDER_ID, orderId);
    }
    if (lraId != null && LogIds.loggable(lraId)) {
      attributes.learned(spanId, SagaSpanAttributes.LRA_ID, lraId);
    }
    String joinedIn = request.getParameter(CallbackTraceLink.OPTION);
    if (joinedIn != null) {
      attributes.linkTo(spanId, joinedIn);
    }
  }

  /** The request with some headers replaced (names compared case-insensitively, as HTTP does). */
  private static final class WithHeaders extends HttpServletRequestWrapper {

    private final Map<String, String> replaced = new LinkedHashMap<>();

    WithHeaders(HttpServletRequest request, Map<String, String> headers) {
      super(request);
      headers.forEach((name, value) -> replaced.put(name.toLowerCase(), value));
    }

    @Override
    public String getHeader(String name) {
      String value = replaced.get(name.toLowerCase());
      return value != null ? value : super.getHeader(name);
    }

    @Override
    public Enumeration<String> getHeaders(String name) {
      String value = replaced.get(name.toLowerCase());
      return value != null ? Collections.enumeration(Set.of(value)) : super.getHeaders(name);
    }

    @Override
    public Enumeration<String> getHeaderNames() {
      Set<String> names = new LinkedHashSet<>();
      Collections.list(super.getHeaderNames()).stream()
          .filter(name -> !replaced.containsKey(name.toLowerCase()))
          .forEach(names::add);
      names.addAll(replaced.keySet());
      return Collections.enumeration(names);
    }
  }
}
