package com.example.ordersaga.common.participant.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.example.ordersaga.common.participant.callback.CallbackTokens;
import com.example.ordersaga.lracoordinator.CoordinatorProcess;
import com.example.ordersaga.lracoordinator.LraClient;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A service under test as a real saga participant: the packaged Narayana coordinator runs as a
 * child process, the service listens on a free port it registers as its participant URL, and the
 * coordinator calls it back over HTTP. After every test no LRA may be left active.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
public abstract class ParticipantIT {

  protected static final Duration CALLBACK_WAIT = Duration.ofSeconds(20);
  protected static CoordinatorProcess coordinator;
  protected static LraClient lras;
  protected static int port;
  protected final HttpClient http = HttpClient.newHttpClient();

  @DynamicPropertySource
  static void participantWiring(DynamicPropertyRegistry registry) throws IOException {
    Path workDir = Files.createTempDirectory("participant-it");
    if (coordinator == null) {
      coordinator = CoordinatorProcess.start(workDir.resolve("coordinator"));
      lras = new LraClient(coordinator.baseUrl());
    }
    port = freePort();
    registry.add("server.port", () -> port);
    registry.add("camel.lra.coordinator-url", coordinator::url);
    registry.add("camel.lra.local-participant-url", () -> "http://localhost:" + port);
    registry.add("ordersaga.data-dir", () -> workDir.resolve("data").toString());
  }

  @AfterAll
  static void stopCoordinator() throws InterruptedException {
    if (coordinator != null) {
      coordinator.close();
      coordinator = null;
    }
  }

  @AfterEach
  void noLraLeftActive() {
    await()
        .atMost(CALLBACK_WAIT)
        .untilAsserted(
            () -> {
              assertThat(lras.list("Active")).isEqualTo("[]");
              assertThat(lras.list("Cancelling")).isEqualTo("[]");
              assertThat(lras.list("Closing")).isEqualTo("[]");
            });
  }

  protected URI startLra() throws IOException, InterruptedException {
    return lras.start(0);
  }

  protected HttpResponse<String> send(String method, String path, URI lra, String json)
      throws IOException, InterruptedException {
    return send(method, path, lra, json, Map.of());
  }

  protected HttpResponse<String> send(
      String method, String path, URI lra, String json, Map<String, String> headers)
      throws IOException, InterruptedException {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
            .header("Content-Type", "application/json")
            .method(
                method,
                json == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(json));
    if (lra != null) {
      request.header(Exchange.SAGA_LONG_RUNNING_ACTION, lra.toString());
    }
    headers.forEach(request::header);
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  /**
   * A callback as an attacker would send it: to this service's compensation or completion path for
   * {@code lra}, naming the step's real endpoints, with the given token (null: none).
   */
  protected HttpResponse<String> forgedCallback(
      String kind, URI lra, String step, CallbackTokens.Endpoints endpoints, String token)
      throws IOException, InterruptedException {
    String query =
        "Camel-Saga-Compensate="
            + endpoints.compensation()
            + "&Camel-Saga-Complete="
            + endpoints.completion()
            + "&step="
            + step
            + (token == null ? "" : "&token=" + token);
    return http.send(
        HttpRequest.newBuilder(
                URI.create("http://localhost:" + port + "/lra-participant/" + kind + "?" + query))
            .header(Exchange.SAGA_LONG_RUNNING_ACTION, lra.toString())
            .PUT(HttpRequest.BodyPublishers.noBody())
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  protected static String uniqueId(String prefix) {
    return prefix + "-" + UUID.randomUUID();
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
