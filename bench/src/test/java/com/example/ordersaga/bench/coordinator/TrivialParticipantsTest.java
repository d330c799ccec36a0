package com.example.ordersaga.bench.coordinator;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

class TrivialParticipantsTest {

  private final HttpClient http = HttpClient.newHttpClient();

  @Test
  void theOrderIsDoneWhenEachOfItsParticipantsWasCompleted() throws Exception {
    try (TrivialParticipants participants = TrivialParticipants.start(2)) {
      CountDownLatch completions = participants.expect(7, 2);

      assertThat(put(participants.participant(7, 1) + "/complete")).isEqualTo(200);
      assertThat(completions.getCount()).isEqualTo(1);
      assertThat(put(participants.participant(7, 2) + "/complete")).isEqualTo(200);

      assertThat(completions.getCount()).isZero();
      assertThat(participants.compensations()).isZero();
    }
  }

  @Test
  void compensationsAreAnsweredAndCounted() throws Exception {
    try (TrivialParticipants participants = TrivialParticipants.start(2)) {
      assertThat(put(participants.participant(3, 1) + "/compensate")).isEqualTo(200);

      assertThat(participants.compensations()).isEqualTo(1);
    }
  }

  @Test
  void participantUrlsHaveNoCommaForTheLinkHeader() throws Exception {
    try (TrivialParticipants participants = TrivialParticipants.start(1)) {
      assertThat(participants.participant(123, 5))
          .doesNotContain(",")
          .startsWith("http://127.0.0.1:");
    }
  }

  private int put(String url) throws Exception {
    return http.send(
            HttpRequest.newBuilder(URI.create(url))
                .header("Long-Running-Action", "http://localhost/lra-coordinator/1")
                .PUT(HttpRequest.BodyPublishers.noBody())
                .build(),
            HttpResponse.BodyHandlers.discarding())
        .statusCode();
  }
}
