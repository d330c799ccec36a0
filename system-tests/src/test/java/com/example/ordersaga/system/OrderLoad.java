package com.example.ordersaga.system;

import java.net.ConnectException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Closed-loop clients placing orders until stopped, whatever the stack answers (or fails to): what
 * keeps sagas in flight while a process is killed. Counts answers by status; a refused or cut
 * connection counts as status 0. Every order carries its own Idempotency-Key, and the ones cut off
 * after they were sent are kept, to be replayed until they tell their outcome.
 */
final class OrderLoad {

  private final StackClient stack;
  private final int clients;
  private final long seed;
  private final int users;
  private final int products;
  private final AtomicBoolean running = new AtomicBoolean();
  private final AtomicInteger inFlight = new AtomicInteger();
  private final Map<Integer, AtomicInteger> answers = new ConcurrentHashMap<>();
  private final Queue<Unanswered> unanswered = new ConcurrentLinkedQueue<>();

  /** An order sent but cut off unanswered (by a death): replay it with its key and body. */
  record Unanswered(String idempotencyKey, String body) {}

  private ExecutorService pool;

  OrderLoad(StackClient stack, int clients, long seed, int users, int products) {
    this.stack = stack;
    this.clients = clients;
    this.seed = seed;
    this.users = users;
    this.products = products;
  }

  void start() {
    running.set(true);
    pool = Executors.newFixedThreadPool(clients);
    for (int i = 0; i < clients; i++) {
      Random random = new Random(seed + i);
      String client = "load-" + seed + "-" + i + "-";
      pool.submit(() -> placeUntilStopped(random, client));
    }
  }

  int inFlight() {
    return inFlight.get();
  }

  /** Stops placing new orders and waits for the ones in flight to be answered. */
  Map<Integer, Integer> stop() throws InterruptedException {
    running.set(false);
    pool.shutdown();
    if (!pool.awaitTermination(3, TimeUnit.MINUTES)) {
      pool.shutdownNow();
    }
    Map<Integer, Integer> counts = new java.util.TreeMap<>();
    answers.forEach((status, count) -> counts.put(status, count.get()));
    return counts;
  }

  /** The orders cut off unanswered so far. */
  List<Unanswered> unanswered() {
    return List.copyOf(unanswered);
  }

  private void placeUntilStopped(Random random, String client) {
    for (int sent = 0; running.get(); sent++) {
      String key = client + sent;
      String body =
          "{\"userId\":\"crash-user-"
              + random.nextInt(users)
              + "\",\"items\":[{\"productId\":\"crash-product-"
              + random.nextInt(products)
              + "\",\"quantity\":"
              + (1 + random.nextInt(3))
              + "}],\"pointsToUse\":"
              + random.nextInt(101) // never above the smallest total (1 × 100)
              + ",\"paymentMethod\":\"CARD\"}";
      inFlight.incrementAndGet();
      int status;
      try {
        status =
            stack.placeOrder(body, Map.of("Idempotency-Key", key), Duration.ofMinutes(3)).status();
      } catch (Exception refusedOrCut) {
        status = 0;
        if (!(refusedOrCut instanceof ConnectException)) { // a refused order never arrived
          unanswered.add(new Unanswered(key, body));
        }
        pause(); // the orchestrator is down: do not spin
      } finally {
        inFlight.decrementAndGet();
      }
      answers.computeIfAbsent(status, s -> new AtomicInteger()).incrementAndGet();
    }
  }

  private static void pause() {
    try {
      Thread.sleep(200);
    } catch (InterruptedException stopping) {
      Thread.currentThread().interrupt();
    }
  }
}
