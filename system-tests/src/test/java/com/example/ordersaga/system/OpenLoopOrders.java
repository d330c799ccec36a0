package com.example.ordersaga.system;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Orders placed at a steady rate whatever the stack answers (open loop: a slow or dead instance
 * does not slow the sending), each with its own Idempotency-Key, each remembered with the moment it
 * was sent and what it got: how a kill's cost is measured.
 */
final class OpenLoopOrders {

  /**
   * One order: sent {@code atMillis} after the start; status 0 when no answer came; outcome the
   * answer's status (COMPLETED, CANCELLED), else what cut it off; why: its reason@failedStep.
   */
  record Sent(
      long atMillis, String idempotencyKey, String body, int status, String outcome, String why) {

    /** COMPLETED or CANCELLED: the saga's final outcome, in the answer's body. */
    boolean ended() {
      return outcome.equals("COMPLETED") || outcome.equals("CANCELLED");
    }
  }

  private final StackClient stack;
  private final double perSecond;
  private final Random random;
  private final int users;
  private final int products;
  private final String prefix;
  private final ConcurrentLinkedQueue<Sent> sent = new ConcurrentLinkedQueue<>();
  private final ExecutorService senders = Executors.newCachedThreadPool();
  private ScheduledExecutorService ticker;
  private long startNanos;

  OpenLoopOrders(StackClient stack, double perSecond, long seed, int users, int products) {
    this.stack = stack;
    this.perSecond = perSecond;
    this.random = new Random(seed);
    this.users = users;
    this.products = products;
    this.prefix = "open-loop-" + seed + "-";
  }

  void start() {
    startNanos = System.nanoTime();
    ticker = Executors.newSingleThreadScheduledExecutor();
    long periodMicros = Math.round(1_000_000 / perSecond);
    int[] count = {0};
    ticker.scheduleAtFixedRate(
        () -> {
          String key = prefix + count[0]++;
          String body = order();
          long at = elapsedMillis();
          senders.submit(() -> send(at, key, body));
        },
        0,
        periodMicros,
        TimeUnit.MICROSECONDS);
  }

  long elapsedMillis() {
    return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos);
  }

  /** Stops sending and waits for the answers of the orders in flight. */
  List<Sent> stop() throws InterruptedException {
    ticker.shutdownNow();
    senders.shutdown();
    if (!senders.awaitTermination(3, TimeUnit.MINUTES)) {
      senders.shutdownNow();
    }
    List<Sent> all = new ArrayList<>(sent);
    all.sort(java.util.Comparator.comparingLong(Sent::atMillis));
    return all;
  }

  private void send(long at, String key, String body) {
    int status = 0;
    String outcome = "";
    String why = "";
    try {
      StackClient.Answer answer =
          stack.placeOrder(body, Map.of("Idempotency-Key", key), Duration.ofMinutes(2));
      status = answer.status();
      outcome = answer.body().path("status").asText("");
      why =
          answer.body().path("reason").asText("")
              + "@"
              + answer.body().path("failedStep").asText("");
    } catch (Exception refusedOrCut) {
      outcome = refusedOrCut.getClass().getSimpleName();
    }
    sent.add(new Sent(at, key, body, status, outcome, why));
  }

  /**
   * Rich users, well-stocked products, fewer points than the total (a card pays the rest): every
   * order can complete, so whatever does not is a failure.
   */
  private synchronized String order() {
    return "{\"userId\":\"ha-user-"
        + random.nextInt(users)
        + "\",\"items\":[{\"productId\":\"ha-product-"
        + random.nextInt(products)
        + "\",\"quantity\":"
        + (1 + random.nextInt(3))
        + "}],\"pointsToUse\":"
        + random.nextInt(100) // below the smallest total (1 × 100)
        + ",\"paymentMethod\":\"CARD\"}";
  }
}
