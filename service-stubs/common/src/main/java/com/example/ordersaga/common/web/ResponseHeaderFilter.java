package com.example.ordersaga.common.web;

import java.util.Set;
import org.apache.camel.Exchange;
import org.apache.camel.support.DefaultHeaderFilterStrategy;

/**
 * What a REST answer may carry back: platform-http would otherwise echo every message header (the
 * request's own headers, path parameters, the LRA header) into the response. Inbound headers pass
 * unchanged.
 */
public class ResponseHeaderFilter extends DefaultHeaderFilterStrategy {

  private static final Set<String> ANSWERED = Set.of("content-type", "location", "retry-after");

  @Override
  public boolean applyFilterToCamelHeaders(
      String headerName, Object headerValue, Exchange exchange) {
    return !ANSWERED.contains(headerName.toLowerCase(java.util.Locale.ROOT));
  }

  @Override
  public boolean applyFilterToExternalHeaders(
      String headerName, Object headerValue, Exchange exchange) {
    return false;
  }
}
