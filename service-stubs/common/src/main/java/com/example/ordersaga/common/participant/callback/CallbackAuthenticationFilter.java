package com.example.ordersaga.common.participant.callback;

import com.example.ordersaga.common.participant.errors.ErrorBody;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.apache.camel.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Guards the LRA callback endpoints ({@code /lra-participant/*}): a call must carry the token this
 * service put into the callback URL it registered, for that LRA and step. No token: 401; a wrong
 * one, or one minted for another LRA or step: 403. Either way nothing runs.
 */
public class CallbackAuthenticationFilter extends OncePerRequestFilter {

  public static final String STEP_PARAMETER = "step";
  public static final String TOKEN_PARAMETER = "token";
  // camel-lra's query parameters naming the endpoints a callback runs.
  static final String COMPENSATION_PARAMETER = "Camel-Saga-Compensate";
  static final String COMPLETION_PARAMETER = "Camel-Saga-Complete";
  private static final Logger log = LoggerFactory.getLogger(CallbackAuthenticationFilter.class);

  private final CallbackTokens tokens;
  private final ObjectMapper json;

  public CallbackAuthenticationFilter(CallbackTokens tokens, ObjectMapper json) {
    this.tokens = tokens;
    this.json = json;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String lraId = request.getHeader(Exchange.SAGA_LONG_RUNNING_ACTION);
    String step = request.getParameter(STEP_PARAMETER);
    String token = request.getParameter(TOKEN_PARAMETER);
    // The endpoints Camel will invoke: signed too, so a token cannot be aimed at another step.
    CallbackTokens.Endpoints endpoints =
        new CallbackTokens.Endpoints(
            request.getParameter(COMPENSATION_PARAMETER),
            request.getParameter(COMPLETION_PARAMETER));
    if (token == null || lraId == null || step == null) {
      refuse(response, HttpServletResponse.SC_UNAUTHORIZED, "callback token required");
      return;
    }
    if (!tokens.verify(lraId, step, endpoints, token)) {
      log.warn("forged LRA callback refused: {} {} for {}", request.getRequestURI(), step, lraId);
      refuse(response, HttpServletResponse.SC_FORBIDDEN, "callback token invalid");
      return;
    }
    chain.doFilter(request, response);
  }

  private void refuse(HttpServletResponse response, int status, String message) throws IOException {
    response.setStatus(status);
    response.setContentType(MediaType.APPLICATION_JSON_VALUE);
    json.writeValue(
        response.getOutputStream(),
        ErrorBody.of(status == 401 ? "UNAUTHORIZED" : "FORBIDDEN", message));
  }
}
