package com.example.ordersaga.common.web;

import com.example.ordersaga.common.json.StrictJsonBody;
import com.example.ordersaga.common.participant.errors.ErrorBody;
import com.example.ordersaga.common.participant.errors.InvalidRequest;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Set;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Every JSON request body (and every body without a Content-Type, which a JSON binding reads as
 * JSON) is held to {@link StrictJsonBody} before anything reads it: bytes that are not UTF-8 get
 * the contract's 400, another declared charset 415. Left alone, the platform decoded such bytes
 * into U+FFFD and the request went on as if it were valid. A leading byte order mark is dropped.
 * The actuator and the coordinator's callbacks (whose bodies nothing parses) are not looked at.
 */
public class Utf8JsonBodyFilter extends OncePerRequestFilter {

  private static final Set<String> BODY_METHODS = Set.of("POST", "PUT", "PATCH");

  private final ObjectMapper json;

  public Utf8JsonBodyFilter(ObjectMapper json) {
    this.json = json;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    String path = request.getRequestURI();
    String contentType = request.getContentType();
    return !BODY_METHODS.contains(request.getMethod())
        || path.startsWith("/actuator/")
        || path.startsWith("/lra-participant/")
        || (contentType != null && !StrictJsonBody.isJson(contentType));
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    byte[] body = request.getInputStream().readAllBytes();
    try {
      StrictJsonBody.read(request.getContentType(), body);
    } catch (StrictJsonBody.UnsupportedCharset unsupported) {
      refuse(response, HttpServletResponse.SC_UNSUPPORTED_MEDIA_TYPE, unsupported.body());
      return;
    } catch (InvalidRequest invalid) {
      refuse(
          response,
          HttpServletResponse.SC_BAD_REQUEST,
          ErrorBody.invalid(invalid.getMessage(), invalid.violations()));
      return;
    }
    int start = StrictJsonBody.start(body);
    chain.doFilter(new ReadBody(request, Arrays.copyOfRange(body, start, body.length)), response);
  }

  private void refuse(HttpServletResponse response, int status, ErrorBody body) throws IOException {
    response.setStatus(status);
    response.setContentType(MediaType.APPLICATION_JSON_VALUE);
    json.writeValue(response.getOutputStream(), body);
  }

  /** The request with the body already read (and checked) served again from memory. */
  private static final class ReadBody extends HttpServletRequestWrapper {

    private final byte[] body;

    ReadBody(HttpServletRequest request, byte[] body) {
      super(request);
      this.body = body;
    }

    @Override
    public ServletInputStream getInputStream() {
      ByteArrayInputStream bytes = new ByteArrayInputStream(body);
      return new ServletInputStream() {
        @Override
        public int read() {
          return bytes.read();
        }

        @Override
        public int read(byte[] buffer, int offset, int length) {
          return bytes.read(buffer, offset, length);
        }

        @Override
        public boolean isFinished() {
          return bytes.available() == 0;
        }

        @Override
        public boolean isReady() {
          return true;
        }

        @Override
        public void setReadListener(ReadListener listener) {
          throw new UnsupportedOperationException("the body was read already");
        }
      };
    }

    @Override
    public BufferedReader getReader() {
      return new BufferedReader(new InputStreamReader(getInputStream(), StandardCharsets.UTF_8));
    }

    @Override
    public int getContentLength() {
      return body.length;
    }

    @Override
    public long getContentLengthLong() {
      return body.length;
    }
  }
}
