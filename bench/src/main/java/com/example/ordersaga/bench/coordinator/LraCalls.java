package com.example.ordersaga.bench.coordinator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;

/**
 * The coordinator calls one order saga makes, as camel-lra 4.17.0 makes them, in this order: POST
 * {@code /start}, PUT {@code {lra}} with a {@code Link} header to join, PUT {@code {lra}/close}.
 */
final class LraCalls {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final HttpClient http;
  private final String coordinatorUrl;
  private final Duration timeout;

  /** Names this run's LRAs at the coordinator, so that only they are waited for. */
  private final String clientId = "bench-" + UUID.randomUUID().toString().substring(0, 8);

  LraCalls(HttpClient http, String coordinatorUrl, Duration timeout) {
    this.http = http;
    this.coordinatorUrl = coordinatorUrl;
    this.timeout = timeout;
  }

  /** Starts an LRA that the coordinator cancels by itself after {@code timeLimitMillis}. */
  URI start(long timeLimitMillis) throws IOException, InterruptedException, UnexpectedStatus {
    HttpResponse<String> response =
        send(
            "start",
            HttpRequest.newBuilder(
                    URI.create(
                        coordinatorUrl
                            + "/start?ClientID="
                            + clientId
                            + "&TimeLimit="
                            + timeLimitMillis))
                .POST(HttpRequest.BodyPublishers.noBody()),
            201);
    return URI.create(
        response.headers().firstValue("Location").orElseGet(() -> response.body().trim()));
  }

  /**
   * Joins a participant that serves {@code <base>/compensate} and {@code <base>/complete}; the
   * coordinator splits this header on commas, so the URLs must have none.
   */
  void join(URI lra, String participantBase)
      throws IOException, InterruptedException, UnexpectedStatus {
    String link =
        "<"
            + participantBase
            + "/compensate>; rel=\"compensate\", <"
            + participantBase
            + "/complete>; rel=\"complete\"";
    send(
        "join",
        HttpRequest.newBuilder(lra)
            .header("Link", link)
            .PUT(HttpRequest.BodyPublishers.ofString(participantBase)),
        200);
  }

  /** LRAs the coordinator still lists (not ended) that this run started. */
  long unfinished() throws IOException, InterruptedException {
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(URI.create(coordinatorUrl)).timeout(timeout).GET().build(),
            HttpResponse.BodyHandlers.ofString());
    long count = 0;
    for (JsonNode lra : JSON.readTree(response.body())) {
      if (clientId.equals(lra.path("clientId").asText())) {
        count++;
      }
    }
    return count;
  }

  void close(URI lra) throws IOException, InterruptedException, UnexpectedStatus {
    send(
        "close",
        HttpRequest.newBuilder(URI.create(lra + "/close")).PUT(HttpRequest.BodyPublishers.noBody()),
        200);
  }

  private HttpResponse<String> send(String call, HttpRequest.Builder request, int expected)
      throws IOException, InterruptedException, UnexpectedStatus {
    HttpResponse<String> response =
        http.send(request.timeout(timeout).build(), HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != expected) {
      throw new UnexpectedStatus(call, response.statusCode(), response.body());
    }
    return response;
  }
}
