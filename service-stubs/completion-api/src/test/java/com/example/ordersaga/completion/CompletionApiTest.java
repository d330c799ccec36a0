package com.example.ordersaga.completion;

import static com.example.ordersaga.completion.CompletionFixtures.SERVICE_UNAVAILABLE;
import static com.example.ordersaga.completion.CompletionFixtures.TOO_MANY_REQUESTS;
import static com.example.ordersaga.completion.CompletionFixtures.answerAfter;
import static com.example.ordersaga.completion.CompletionFixtures.failNextCalls;
import static com.example.ordersaga.completion.CompletionFixtures.newOrderId;
import static com.example.ordersaga.completion.CompletionFixtures.orderCompletedEvent;
import static org.assertj.core.api.Assertions.assertThat;

import com.example.ordersaga.completion.domain.Behaviour;
import com.example.ordersaga.completion.domain.BehaviourSwitch;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.ResponseEntity;

/** The partner API's contract over HTTP, on a private in-memory database. */
@CompletionApiOnH2
class CompletionApiTest {

  private static final Duration SLOW_ANSWER = Duration.ofMillis(1_500);

  @Autowired TestRestTemplate http;
  @Autowired BehaviourSwitch behaviour;
  private CompletionApiClient partner;

  @BeforeEach
  void client() {
    partner = new CompletionApiClient(http);
  }

  @AfterEach
  void normalService() {
    behaviour.set(Behaviour.NORMAL);
  }

  @Test
  void acceptedCallIsRecordedAndListed() {
    String orderId = newOrderId();

    ResponseEntity<JsonNode> answer = partner.complete(orderId);

    assertThat(answer.getStatusCode().value()).isEqualTo(201);
    JsonNode body = answer.getBody();
    assertThat(body.get("orderId").asText()).isEqualTo(orderId);
    assertThat(body.get("idempotencyKey").asText()).isEqualTo(orderId);
    assertThat(body.get("attempt").asInt()).isEqualTo(1);
    Instant receivedAt = Instant.parse(body.get("receivedAt").asText());
    assertThat(partner.notifications(orderId))
        .singleElement()
        .satisfies(
            notification -> {
              assertThat(notification.get("orderId").asText()).isEqualTo(orderId);
              assertThat(Instant.parse(notification.get("receivedAt").asText()))
                  .isEqualTo(receivedAt);
              assertThat(notification.get("attempt").asInt()).isEqualTo(1);
            });
    assertThat(statuses(partner.calls(orderId))).containsExactly(201);
  }

  @Test
  void sameKeyTwiceGivesOneNotificationAndTheStoredAnswerAgain() {
    String orderId = newOrderId();

    ResponseEntity<JsonNode> first = partner.complete(orderId);
    ResponseEntity<JsonNode> repeat = partner.complete(orderId);

    assertThat(first.getStatusCode().value()).isEqualTo(201);
    assertThat(repeat.getStatusCode().value()).isEqualTo(200);
    assertThat(repeat.getBody()).isEqualTo(first.getBody());
    assertThat(partner.notifications(orderId)).hasSize(1);
    assertThat(attempts(partner.calls(orderId))).containsExactly(1, 2);
    assertThat(statuses(partner.calls(orderId))).containsExactly(201, 200);
  }

  @Test
  void plannedFailuresAreAnsweredThenTheThirdAttemptIsAccepted() {
    String orderId = newOrderId();
    ResponseEntity<JsonNode> planned = partner.setBehaviour(failNextCalls(2, SERVICE_UNAVAILABLE));
    assertThat(planned.getStatusCode().value()).isEqualTo(200);
    assertThat(planned.getBody().get("failNext").asInt()).isEqualTo(2);

    ResponseEntity<JsonNode> firstTry = partner.complete(orderId);
    ResponseEntity<JsonNode> secondTry = partner.complete(orderId);
    ResponseEntity<JsonNode> thirdTry = partner.complete(orderId);

    assertThat(firstTry.getStatusCode().value()).isEqualTo(SERVICE_UNAVAILABLE);
    assertThat(firstTry.getBody().get("error").asText()).isEqualTo("SIMULATED_OUTAGE");
    assertThat(secondTry.getStatusCode().value()).isEqualTo(SERVICE_UNAVAILABLE);
    assertThat(thirdTry.getStatusCode().value()).isEqualTo(201);
    assertThat(thirdTry.getBody().get("attempt").asInt()).isEqualTo(3);
    assertThat(partner.notifications(orderId))
        .singleElement()
        .satisfies(notification -> assertThat(notification.get("attempt").asInt()).isEqualTo(3));
    assertThat(statuses(partner.calls(orderId))).containsExactly(503, 503, 201);
    assertThat(partner.behaviour().getBody().get("failNext").asInt()).isZero();
  }

  @Test
  void plannedFailureAnswersTheStatusAsked() {
    String orderId = newOrderId();
    partner.setBehaviour(failNextCalls(1, TOO_MANY_REQUESTS));

    assertThat(partner.complete(orderId).getStatusCode().value()).isEqualTo(TOO_MANY_REQUESTS);
    assertThat(partner.notifications(orderId)).isEmpty();
  }

  @ParameterizedTest
  @NullSource
  @ValueSource(
      strings = {
        " ",
        "a-key-of-101-characters-xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"
      })
  void invalidIdempotencyKeyIsRefusedNamingTheHeader(String idempotencyKey) {
    String orderId = newOrderId();

    ResponseEntity<JsonNode> answer = partner.post(idempotencyKey, orderCompletedEvent(orderId));

    assertThat(answer.getStatusCode().value()).isEqualTo(400);
    assertThat(answer.getBody().get("error").asText()).isEqualTo("VALIDATION_FAILED");
    assertThat(answer.getBody().get("violations").findValuesAsText("field"))
        .containsExactly("Idempotency-Key");
    assertThat(partner.calls(orderId)).isEmpty();
    assertThat(partner.notifications(orderId)).isEmpty();
  }

  @Test
  void keyOfExactlyOneHundredCharactersIsAccepted() {
    String orderId = newOrderId();
    String longestKey = (orderId + "-".repeat(100)).substring(0, 100);

    assertThat(partner.complete(longestKey, orderId).getStatusCode().value()).isEqualTo(201);
  }

  @Test
  void blankOrderIdIsRefusedNamingTheField() {
    ResponseEntity<JsonNode> answer = partner.post(newOrderId(), "{\"orderId\":\" \"}");

    assertThat(answer.getStatusCode().value()).isEqualTo(400);
    assertThat(answer.getBody().get("violations").findValuesAsText("field"))
        .containsExactly("orderId");
  }

  @Test
  void emptyOrMalformedBodyIsRefused() {
    assertThat(partner.post(newOrderId(), null).getStatusCode().value()).isEqualTo(400);
    assertThat(partner.post(newOrderId(), "{\"orderId\":").getStatusCode().value()).isEqualTo(400);
  }

  @Test
  void keyReusedForAnotherOrderIsRefusedAndChangesNothing() {
    String orderId = newOrderId();
    partner.complete(orderId);

    ResponseEntity<JsonNode> reuse = partner.complete(orderId, newOrderId());

    assertThat(reuse.getStatusCode().value()).isEqualTo(422);
    assertThat(reuse.getBody().get("error").asText()).isEqualTo("IDEMPOTENCY_KEY_REUSED");
    assertThat(partner.notifications(orderId)).hasSize(1);
  }

  @Test
  void delayIsHonouredBeforeAnswering() {
    String orderId = newOrderId();
    partner.setBehaviour(answerAfter(SLOW_ANSWER));

    long started = System.nanoTime();
    ResponseEntity<JsonNode> answer = partner.complete(orderId);
    Duration took = Duration.ofNanos(System.nanoTime() - started);

    assertThat(answer.getStatusCode().value()).isEqualTo(201);
    assertThat(took).isGreaterThanOrEqualTo(SLOW_ANSWER);
  }

  @Test
  void notificationsAreListedInTheOrderTheyWereAccepted() {
    String earlier = newOrderId();
    String later = newOrderId();
    partner.complete(earlier);
    partner.complete(later);

    List<String> listed =
        partner.allNotifications().stream()
            .map(notification -> notification.get("orderId").asText())
            .filter(orderId -> orderId.equals(earlier) || orderId.equals(later))
            .toList();

    assertThat(listed).containsExactly(earlier, later);
  }

  @Test
  void behaviourOutOfRangeIsRefusedAndLeftUnchanged() {
    ResponseEntity<JsonNode> answer = partner.setBehaviour("{\"failNext\":-1,\"status\":200}");

    assertThat(answer.getStatusCode().value()).isEqualTo(400);
    assertThat(answer.getBody().get("violations").findValuesAsText("field"))
        .containsExactly("failNext", "status");
    assertThat(partner.behaviour().getBody().get("status").asInt()).isEqualTo(SERVICE_UNAVAILABLE);
    assertThat(behaviour.current()).isEqualTo(Behaviour.NORMAL);
  }

  private static List<Integer> statuses(List<JsonNode> calls) {
    return calls.stream().map(call -> call.get("status").asInt()).toList();
  }

  private static List<Integer> attempts(List<JsonNode> calls) {
    return calls.stream().map(call -> call.get("attempt").asInt()).toList();
  }
}
