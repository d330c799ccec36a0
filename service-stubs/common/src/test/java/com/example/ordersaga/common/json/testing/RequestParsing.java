package com.example.ordersaga.common.json.testing;

import com.example.ordersaga.common.json.StrictJsonBody;
import com.example.ordersaga.common.json.StrictText;
import com.example.ordersaga.common.json.StrictTextModule;
import com.example.ordersaga.common.participant.errors.InvalidRequest;
import com.example.ordersaga.common.participant.errors.RequestValidator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.validation.Validation;
import java.io.IOException;
import java.util.Arrays;
import org.springframework.http.converter.json.Jackson2ObjectMapperBuilder;

/**
 * A service's reading of a request body, without the server around it, in the order a request meets
 * it: {@link com.example.ordersaga.common.web.Utf8JsonBodyFilter}, the REST binding's Jackson (the
 * ObjectMapper Spring Boot builds, with {@link StrictTextModule}), then Bean Validation. {@link
 * #status} is the answer's status as {@code ParticipantRouteBuilder} maps it; an exception it does
 * not map is thrown, to fail the property that met it.
 */
public final class RequestParsing {

  private final ObjectMapper json =
      Jackson2ObjectMapperBuilder.json().modulesToInstall(new StrictTextModule()).build();
  private final RequestValidator validator =
      new RequestValidator(Validation.buildDefaultValidatorFactory().getValidator());

  /**
   * 200 when read and valid, 400 or 415 when refused as the contract says.
   *
   * @param contentType a JSON one ({@link HostileBodies#jsonContentTypes}), or null
   */
  public int status(String contentType, byte[] body, Class<?> type) throws IOException {
    if (contentType != null && !StrictJsonBody.isJson(contentType)) {
      throw new IllegalArgumentException("not a JSON body: " + contentType);
    }
    try {
      StrictJsonBody.read(contentType, body);
    } catch (StrictJsonBody.UnsupportedCharset e) {
      return 415;
    } catch (InvalidRequest e) {
      return 400;
    }
    Object request;
    try {
      request =
          body.length == 0
              ? null
              : json.readValue(
                  Arrays.copyOfRange(body, StrictJsonBody.start(body), body.length), type);
    } catch (JsonProcessingException e) {
      return 400;
    }
    try {
      validator.validate(request);
    } catch (InvalidRequest e) {
      return 400;
    }
    requireText(json.valueToTree(request));
    return 200;
  }

  /**
   * The property every service states for each of its request types: {@code tries} bodies around
   * {@code template} (its {@link RawJson#HOLE} first holding {@code validValue}), with JSON
   * Content-Types, each read into {@code type} with the answer 200, 400 or 415 and nothing else.
   *
   * @return the statuses and how often each came
   */
  public java.util.Map<String, Integer> assertEveryBodyAnswered(
      String name, int tries, String template, String validValue, Class<?> type) {
    return PropertyCheck.forAll(
        name,
        HostileBodies.SEED,
        tries,
        PropertyCheck.Request.of(
            HostileBodies.jsonContentTypes(), HostileBodies.around(template, validValue)),
        request -> {
          int answered = status(request.contentType(), request.body(), type);
          if (answered != 200 && answered != 400 && answered != 415) {
            throw new AssertionError("answered " + answered);
          }
          return answered;
        });
  }

  /** What a service accepts, it can store: no lone surrogate, no NUL in any text of it. */
  private static void requireText(JsonNode node) {
    if (node.isTextual() && StrictText.problem(node.textValue()) != null) {
      throw new AssertionError(
          "accepted text that UTF-8 cannot carry: " + StrictText.problem(node.textValue()));
    }
    node.elements().forEachRemaining(RequestParsing::requireText);
  }
}
