package com.example.ordersaga.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Orders a kill cut off, replayed with their Idempotency-Key until each answers its saga's final
 * outcome (never IDEMPOTENCY_KEY_IN_USE or PENDING for good), which must be what the saga view
 * says. Within the saga time limit, the abandon grace and one replay wait.
 */
final class KeyReplays {

  /** An order as it was sent: its key and body. */
  record Keyed(String idempotencyKey, String body) {}

  private KeyReplays() {}

  /** Replays every order, 16 at a time; returns the final answers by status and order status. */
  static Map<String, Integer> untilEnded(StackClient stack, List<Keyed> orders) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(16);
    try {
      List<Future<String>> outcomes = new ArrayList<>();
      for (Keyed order : orders) {
        outcomes.add(pool.submit(() -> untilEnded(stack, order)));
      }
      Map<String, Integer> counts = new TreeMap<>();
      for (Future<String> outcome : outcomes) {
        counts.merge(outcome.get(), 1, Integer::sum);
      }
      return counts;
    } finally {
      pool.shutdownNow();
    }
  }

  private static String untilEnded(StackClient stack, Keyed order) throws Exception {
    AtomicReference<StackClient.Answer> last = new AtomicReference<>();
    await()
        .atMost(Duration.ofSeconds(90))
        .pollInterval(Duration.ofMillis(500))
        .ignoreExceptions()
        .untilAsserted(
            () -> {
              StackClient.Answer answer =
                  stack.placeOrder(order.body(), Map.of("Idempotency-Key", order.idempotencyKey()));
              last.set(answer);
              assertThat(answer.body().path("status").asText())
                  .as("replay of %s: %s", order.idempotencyKey(), answer)
                  .isIn("COMPLETED", "CANCELLED");
            });
    StackClient.Answer ended = last.get();
    String status = ended.body().path("status").asText();
    if (!"price-quote".equals(ended.body().path("failedStep").asText())) { // never recorded
      assertThat(
              stack.sagaView(ended.body().path("orderId").asText()).body().path("status").asText())
          .as("the saga view of %s", ended)
          .isEqualTo(status);
    }
    return ended.status() + " " + status;
  }
}
