package com.example.ordersaga.lracoordinator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.example.ordersaga.lracoordinator.RecordingParticipant.Call;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The packaged coordinator, over real HTTP, calling back a real participant. */
class LraCoordinatorIT {

  private static final Duration CALLBACK_WAIT = Duration.ofSeconds(20);

  @TempDir static Path workDir;
  private static CoordinatorProcess coordinator;
  private static LraClient lras;
  private RecordingParticipant participant;

  @BeforeAll
  static void startCoordinator() throws Exception {
    coordinator = CoordinatorProcess.start(workDir);
    lras = new LraClient(coordinator.baseUrl());
  }

  @AfterAll
  static void stopCoordinator() throws Exception {
    coordinator.close();
  }

  @BeforeEach
  void startParticipant() throws Exception {
    participant = new RecordingParticipant();
  }

  @AfterEach
  void noLraLeftBehind() throws Exception {
    await()
        .atMost(CALLBACK_WAIT)
        .untilAsserted(
            () -> {
              assertThat(lras.list("Active")).isEqualTo("[]");
              assertThat(lras.list("Closing")).isEqualTo("[]");
              assertThat(lras.list("Cancelling")).isEqualTo("[]");
            });
    participant.close();
  }

  @Test
  void metricsCountEachOperationTheLrasByStatusAndTheRecoveryPasses() throws Exception {
    String before = metrics();
    double recoveryPassesBefore = value(before, RECOVERY_PASSES);
    assertThat(recoveryPassesBefore).as("the pass at start-up at least").isPositive();

    URI closed = lras.start(0);
    lras.join(closed, participant.baseUrl());
    URI cancelled = lras.start(0);
    assertThat(
            value(
                metrics(),
                "lra_coordinator_lras{application=\"lra-coordinator\",status=\"Active\"}"))
        .isEqualTo(2);
    lras.close(closed);
    lras.cancel(cancelled);
    await().atMost(CALLBACK_WAIT).until(() -> lras.status(closed) == null);

    String after = metrics();
    assertThat(delta(before, after, "start", 201)).isEqualTo(2);
    assertThat(delta(before, after, "join", 200)).isEqualTo(1);
    assertThat(delta(before, after, "close", 200)).isEqualTo(1);
    assertThat(delta(before, after, "cancel", 200)).isEqualTo(1);
    assertThat(after)
        .contains("# HELP lra_coordinator_requests_seconds ")
        .contains(
            "lra_coordinator_requests_seconds_bucket{application=\"lra-coordinator\",operation=\"start\",status=\"201\",le=\"0.005\"}")
        .contains("jvm_memory_used_bytes{");
    await()
        .atMost(CALLBACK_WAIT)
        .until(() -> value(metrics(), RECOVERY_PASSES) > recoveryPassesBefore);
  }

  private static final String RECOVERY_PASSES =
      "lra_coordinator_recovery_passes_total{application=\"lra-coordinator\"}";

  private static String metrics() throws Exception {
    java.net.http.HttpResponse<String> response =
        java.net.http.HttpClient.newHttpClient()
            .send(
                java.net.http.HttpRequest.newBuilder(URI.create(coordinator.url() + "/metrics"))
                    .build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("text/plain"));
    return response.body();
  }

  private static double delta(String before, String after, String operation, int status) {
    String series =
        "lra_coordinator_requests_seconds_count{application=\"lra-coordinator\",operation=\""
            + operation
            + "\",status=\""
            + status
            + "\"}";
    return value(after, series) - value(before, series);
  }

  /** The value of one series in a scrape, 0 when it is not there yet. */
  private static double value(String scrape, String series) {
    return scrape
        .lines()
        .filter(line -> line.startsWith(series + " "))
        .mapToDouble(line -> Double.parseDouble(line.substring(series.length() + 1).trim()))
        .findFirst()
        .orElse(0);
  }

  @Test
  void closeCallsCompleteOnceAndNeverCompensate() throws Exception {
    URI lra = lras.start(0);
    lras.join(lra, participant.baseUrl());

    lras.close(lra);

    await().atMost(CALLBACK_WAIT).until(() -> lras.status(lra) == null);
    assertThat(participant.calls()).containsExactly(new Call("complete", lra.toString()));
  }

  @Test
  void cancelCallsCompensateOnceAndNeverComplete() throws Exception {
    URI lra = lras.start(0);
    lras.join(lra, participant.baseUrl());

    lras.cancel(lra);

    await().atMost(CALLBACK_WAIT).until(() -> lras.status(lra) == null);
    assertThat(participant.calls()).containsExactly(new Call("compensate", lra.toString()));
  }

  @Test
  void failingCompensationIsRetriedUntilItSucceeds() throws Exception {
    participant.failNext("compensate", 2);
    URI lra = lras.start(0);
    lras.join(lra, participant.baseUrl());

    lras.cancel(lra);

    await().atMost(CALLBACK_WAIT).until(() -> lras.status(lra) == null);
    assertThat(participant.calls())
        .containsExactly(
            new Call("compensate", lra.toString()),
            new Call("compensate", lra.toString()),
            new Call("compensate", lra.toString()));
  }

  @Test
  void expiredTimeLimitCompensates() throws Exception {
    URI lra = lras.start(1_000);
    lras.join(lra, participant.baseUrl());

    await().atMost(CALLBACK_WAIT).until(() -> !participant.calls().isEmpty());

    assertThat(participant.calls()).containsExactly(new Call("compensate", lra.toString()));
    await().atMost(CALLBACK_WAIT).until(() -> lras.status(lra) == null);
  }

  @Test
  void killedCoordinatorRemembersActiveLraAndCompensatesItAfterRestart(@TempDir Path crashDir)
      throws Exception {
    try (CoordinatorProcess crashing = CoordinatorProcess.start(crashDir)) {
      LraClient client = new LraClient(crashing.baseUrl());
      URI lra = client.start(8_000);
      client.join(lra, participant.baseUrl());

      crashing.killHard();
      crashing.restart();

      assertThat(client.status(lra)).isEqualTo("Active");
      assertThat(participant.calls()).isEmpty();
      await().atMost(CALLBACK_WAIT).until(() -> !participant.calls().isEmpty());
      assertThat(participant.calls()).containsExactly(new Call("compensate", lra.toString()));
      await().atMost(CALLBACK_WAIT).until(() -> client.status(lra) == null);
      assertThat(client.list("Active")).isEqualTo("[]");
    }
  }

  @Test
  void coordinatorKilledWhileClosingCallsEveryParticipantAfterRestart(@TempDir Path crashDir)
      throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    try (CoordinatorProcess crashing = CoordinatorProcess.start(crashDir);
        RecordingParticipant second = new RecordingParticipant()) {
      LraClient client = new LraClient(crashing.baseUrl());
      URI lra = client.start(0);
      client.join(lra, participant.baseUrl());
      client.join(lra, second.baseUrl());
      // Closing calls the participants in reverse order: the second one first, and it hangs.
      second.holdNext("complete", release);
      Thread closing = new Thread(() -> closeQuietly(client, lra));
      closing.start();

      assertThat(second.awaitHeld(CALLBACK_WAIT)).isTrue();
      crashing.killHard();
      release.countDown();
      closing.join(CALLBACK_WAIT.toMillis());
      crashing.restart();

      await().atMost(CALLBACK_WAIT).until(() -> client.status(lra) == null);
      assertThat(participant.calls()).containsExactly(new Call("complete", lra.toString()));
      assertThat(second.calls())
          .containsExactly(
              new Call("complete", lra.toString()), new Call("complete", lra.toString()));
      assertThat(client.list("Closing")).isEqualTo("[]");
    }
  }

  private static void closeQuietly(LraClient client, URI lra) {
    try {
      client.close(lra);
    } catch (Exception expected) {
      // The coordinator dies while it answers.
    }
  }
}
