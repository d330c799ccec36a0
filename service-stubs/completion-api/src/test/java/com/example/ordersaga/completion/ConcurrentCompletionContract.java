package com.example.ordersaga.completion;

import static com.example.ordersaga.completion.CompletionFixtures.SERVICE_UNAVAILABLE;
import static com.example.ordersaga.completion.CompletionFixtures.failNextCalls;
import static com.example.ordersaga.completion.CompletionFixtures.newOrderId;
import static org.assertj.core.api.Assertions.assertThat;

import com.example.ordersaga.completion.domain.Behaviour;
import com.example.ordersaga.completion.domain.BehaviourSwitch;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.ResponseEntity;

/**
 * 20 calls with one Idempotency-Key at once (a retry storm): exactly one notification, one 201 and
 * the same stored answer for every other call, each call numbered once. Run on each database.
 */
abstract class ConcurrentCompletionContract {

  private static final int CALLS = 20;
  private static final int PLANNED_FAILURES = 5;

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
  void simultaneousCallsWithOneKeyMakeExactlyOneNotification() throws Exception {
    String orderId = newOrderId();

    List<ResponseEntity<JsonNode>> answers = callAtOnce(orderId);

    assertThat(answers).filteredOn(answer -> status(answer) == 201).hasSize(1);
    assertThat(answers).filteredOn(answer -> status(answer) == 200).hasSize(CALLS - 1);
    assertThat(answers.stream().map(ResponseEntity::getBody).distinct()).hasSize(1);
    assertThat(partner.notifications(orderId)).hasSize(1);
    assertThat(partner.allNotifications())
        .filteredOn(notification -> notification.get("orderId").asText().equals(orderId))
        .hasSize(1);
    assertThat(attempts(orderId)).containsExactlyInAnyOrderElementsOf(oneToCalls());
  }

  @Test
  void plannedFailuresFailExactlyThatManySimultaneousCalls() throws Exception {
    String orderId = newOrderId();
    partner.setBehaviour(failNextCalls(PLANNED_FAILURES, SERVICE_UNAVAILABLE));

    List<ResponseEntity<JsonNode>> answers = callAtOnce(orderId);

    assertThat(answers)
        .filteredOn(answer -> status(answer) == SERVICE_UNAVAILABLE)
        .hasSize(PLANNED_FAILURES);
    assertThat(answers).filteredOn(answer -> status(answer) == 201).hasSize(1);
    assertThat(partner.notifications(orderId)).hasSize(1);
    assertThat(attempts(orderId)).containsExactlyInAnyOrderElementsOf(oneToCalls());
  }

  private List<ResponseEntity<JsonNode>> callAtOnce(String orderId) throws Exception {
    CountDownLatch start = new CountDownLatch(1);
    Callable<ResponseEntity<JsonNode>> call =
        () -> {
          start.await();
          return partner.complete(orderId);
        };
    ExecutorService pool = Executors.newFixedThreadPool(CALLS);
    try {
      List<Future<ResponseEntity<JsonNode>>> pending =
          IntStream.range(0, CALLS).mapToObj(i -> pool.submit(call)).toList();
      start.countDown();
      List<ResponseEntity<JsonNode>> answers = new ArrayList<>();
      for (Future<ResponseEntity<JsonNode>> answer : pending) {
        answers.add(answer.get());
      }
      return answers;
    } finally {
      pool.shutdown();
    }
  }

  private List<Integer> attempts(String orderId) {
    return partner.calls(orderId).stream().map(call -> call.get("attempt").asInt()).toList();
  }

  private static List<Integer> oneToCalls() {
    return IntStream.rangeClosed(1, CALLS).boxed().toList();
  }

  private static int status(ResponseEntity<JsonNode> answer) {
    return answer.getStatusCode().value();
  }
}
