package com.example.ordersaga.common.web;

import com.example.ordersaga.common.participant.errors.ErrorBody;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The management endpoints it is registered for (Jolokia; in prod {@code /actuator/prometheus})
 * take the management credentials (the console's user and password) by HTTP Basic, as a Prometheus
 * scrape or the console's proxy sends them; anything else is 401 before the endpoint runs. For the
 * services, which have no Spring Security; the orchestrator's security configuration does the same.
 */
public class ManagementLoginFilter extends OncePerRequestFilter {

  private final byte[] expected;
  private final byte[] refusal;

  public ManagementLoginFilter(String username, String password, ObjectMapper json)
      throws IOException {
    this.expected =
        ("Basic "
                + Base64.getEncoder()
                    .encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8)))
            .getBytes(StandardCharsets.UTF_8);
    this.refusal =
        json.writeValueAsBytes(
            ErrorBody.of("UNAUTHORIZED", "the management endpoints need the management login"));
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String given = request.getHeader(HttpHeaders.AUTHORIZATION);
    // Compared in constant time: the answer's timing tells nothing about the password.
    if (given != null && MessageDigest.isEqual(expected, given.getBytes(StandardCharsets.UTF_8))) {
      chain.doFilter(request, response);
      return;
    }
    response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
    response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"management\"");
    response.setContentType("application/json");
    response.getOutputStream().write(refusal);
  }
}
