package com.example.ordersaga.common.web;

import com.example.ordersaga.common.participant.errors.ErrorBody;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.apache.camel.CamelContext;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Spring Boot opens the web server a few seconds before Camel has started the routes behind it (and
 * keeps it open while they stop). A request in that window got a bare 404; for an LRA callback the
 * coordinator takes a 404 as "this participant has nothing for that LRA" and never calls again, so
 * a compensation sent to a service while it restarted was lost (an order left PENDING, seen in the
 * crash matrix). Until the routes run, every call but the actuator's gets 503 with Retry-After: the
 * coordinator retries a callback, a caller reads it as "not there yet".
 */
public class NotStartedFilter extends OncePerRequestFilter {

  private final CamelContext camel;
  private final byte[] body;

  public NotStartedFilter(CamelContext camel, ObjectMapper json) throws IOException {
    this.camel = camel;
    this.body =
        json.writeValueAsBytes(
            ErrorBody.of("SERVICE_UNAVAILABLE", "starting or stopping, try again shortly"));
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return request.getRequestURI().startsWith("/actuator");
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    if (camel.isStarted()) {
      chain.doFilter(request, response);
      return;
    }
    response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
    response.setHeader("Retry-After", "1");
    response.setContentType("application/json");
    response.getOutputStream().write(body);
  }
}
