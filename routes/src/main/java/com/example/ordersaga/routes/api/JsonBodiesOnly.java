package com.example.ordersaga.routes.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A POST to the order API whose body is not JSON is refused at the door with the contract's 415:
 * platform-http would otherwise parse a form-encoded body itself, fail before any route runs, and
 * answer with an error page instead of the contract's body.
 */
public class JsonBodiesOnly extends OncePerRequestFilter {

  private final ObjectMapper json;

  public JsonBodiesOnly(ObjectMapper json) {
    this.json = json;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    if ("POST".equals(request.getMethod()) && !RequestReader.isJson(request.getContentType())) {
      response.setStatus(HttpServletResponse.SC_UNSUPPORTED_MEDIA_TYPE);
      response.setContentType(MediaType.APPLICATION_JSON_VALUE);
      json.writeValue(
          response.getOutputStream(),
          new RequestReader.UnsupportedMediaType(request.getContentType()).body());
      return;
    }
    chain.doFilter(request, response);
  }
}
