package com.example.ordersaga.lracoordinator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.example.ordersaga.lracoordinator.RecordingParticipant.Call;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged coordinator with a token: only calls that carry it change an LRA. A forged cancel of
 * a live LRA (no token, a wrong one) is refused, changes nothing, and the LRA still closes.
 */
class CoordinatorTokenIT {

  private static final String TOKEN = "coordinator-token-for-the-test";
  private static final Duration CALLBACK_WAIT = Duration.ofSeconds(20);

  @TempDir static Path workDir;
  private static CoordinatorProcess coordinator;
  private static LraClient lras;
  private final HttpClient http = HttpClient.newHttpClient();

  @BeforeAll
  static void startCoordinator() throws Exception {
    coordinator = CoordinatorProcess.start(workDir, List.of("-Dlra.coordinator.token=" + TOKEN));
    lras = new LraClient(coordinator.baseUrl(), TOKEN);
  }

  @AfterAll
  static void stopCoordinator() throws Exception {
    coordinator.close();
  }

  @Test
  void aForgedCancelOfALiveLraIsRefusedAndTheLraStillCloses() throws Exception {
    try (RecordingParticipant participant = new RecordingParticipant()) {
      URI lra = lras.start(0);
      lras.join(lra, participant.baseUrl());

      HttpResponse<String> noToken = put(lra + "/cancel", null);
      HttpResponse<String> wrongToken = put(lra + "/cancel", "Bearer not-the-token");
      HttpResponse<String> notBearer = put(lra + "/cancel", TOKEN);

      for (HttpResponse<String> forged : List.of(noToken, wrongToken, notBearer)) {
        assertThat(forged.statusCode()).isEqualTo(401);
        assertThat(forged.body()).contains("\"error\":\"UNAUTHORIZED\"");
      }
      assertThat(noToken.headers().firstValue("WWW-Authenticate"))
          .hasValueSatisfying(value -> assertThat(value).startsWith("Bearer"));
      assertThat(lras.status(lra)).isEqualTo("Active");

      lras.close(lra);

      await().atMost(CALLBACK_WAIT).until(() -> lras.status(lra) == null);
      assertThat(participant.calls()).containsExactly(new Call("complete", lra.toString()));
    }
  }

  @Test
  void everyChangeNeedsTheTokenAndReadsStayOpen() throws Exception {
    LraClient anonymous = new LraClient(coordinator.baseUrl());
    assertThatThrownBy(() -> anonymous.start(0)).hasMessageContaining("HTTP 401");
    URI lra = lras.start(0);
    try (RecordingParticipant participant = new RecordingParticipant()) {
      assertThatThrownBy(() -> anonymous.join(lra, participant.baseUrl()))
          .hasMessageContaining("HTTP 401");
      assertThatThrownBy(() -> anonymous.close(lra)).hasMessageContaining("HTTP 401");
      assertThat(put(lra + "/renew?TimeLimit=1", null).statusCode()).isEqualTo(401);

      assertThat(anonymous.status(lra)).as("a read").isEqualTo("Active");
      assertThat(anonymous.list("Active")).contains(lra.toString());

      lras.cancel(lra);
      await().atMost(CALLBACK_WAIT).until(() -> lras.status(lra) == null);
      assertThat(participant.calls()).as("it never joined").isEmpty();
    }
  }

  private HttpResponse<String> put(String url, String authorization) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(url)).PUT(HttpRequest.BodyPublishers.noBody());
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }
}
