package com.example.ordersaga.lracoordinator;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** The LRA coordinator's REST API as a participant or initiator uses it (MicroProfile LRA 2.0). */
public final class LraClient {

  private final String coordinatorUrl;
  private final String token;
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  public LraClient(String coordinatorUrl) {
    this(coordinatorUrl, null);
  }

  /** A client whose calls carry {@code Authorization: Bearer <token>} (none when null). */
  public LraClient(String coordinatorUrl, String token) {
    this.coordinatorUrl = coordinatorUrl;
    this.token = token;
  }

  /** Starts an LRA; {@code timeLimitMillis} 0 means none. Returns the LRA id (a URL). */
  public URI start(long timeLimitMillis) throws IOException, InterruptedException {
    HttpResponse<String> response =
        send(
            HttpRequest.newBuilder(
                    URI.create(coordinatorUrl + "/start?ClientID=it&TimeLimit=" + timeLimitMillis))
                .POST(HttpRequest.BodyPublishers.noBody()),
            201);
    return URI.create(response.headers().firstValue("Location").orElseThrow());
  }

  /** Joins a participant that exposes {@code /compensate} and {@code /complete}. */
  public void join(URI lra, String participantBase) throws IOException, InterruptedException {
    String link =
        String.format(
            "<%1$s/compensate>; rel=\"compensate\", <%1$s/complete>; rel=\"complete\"",
            participantBase);
    send(
        HttpRequest.newBuilder(lra)
            .header("Link", link)
            .PUT(HttpRequest.BodyPublishers.ofString(participantBase)),
        200);
  }

  public void close(URI lra) throws IOException, InterruptedException {
    send(HttpRequest.newBuilder(URI.create(lra + "/close")).PUT(noBody()), 200);
  }

  public void cancel(URI lra) throws IOException, InterruptedException {
    send(HttpRequest.newBuilder(URI.create(lra + "/cancel")).PUT(noBody()), 200);
  }

  /** The LRA's status, or {@code null} once the coordinator has forgotten it (it ended). */
  public String status(URI lra) throws IOException, InterruptedException {
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(URI.create(lra + "/status")).GET().build(),
            HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() == 404) {
      return null;
    }
    if (response.statusCode() != 200) {
      throw new IOException("status of " + lra + ": HTTP " + response.statusCode());
    }
    return response.body();
  }

  /** The JSON list of LRAs in the given status ({@code Active}, {@code Cancelling}…). */
  public String list(String status) throws IOException, InterruptedException {
    return send(
            HttpRequest.newBuilder(
                    URI.create(
                        coordinatorUrl
                            + "?Status="
                            + URLEncoder.encode(status, StandardCharsets.UTF_8)))
                .GET(),
            200)
        .body();
  }

  private HttpResponse<String> send(HttpRequest.Builder request, int expected)
      throws IOException, InterruptedException {
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    HttpResponse<String> response =
        http.send(
            request.timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != expected) {
      throw new IOException(
          "HTTP " + response.statusCode() + " (expected " + expected + "): " + response.body());
    }
    return response;
  }

  private static HttpRequest.BodyPublisher noBody() {
    return HttpRequest.BodyPublishers.noBody();
  }
}
