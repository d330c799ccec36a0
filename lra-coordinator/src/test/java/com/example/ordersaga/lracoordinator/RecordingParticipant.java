package com.example.ordersaga.lracoordinator;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An LRA participant inside the test: records every callback the coordinator makes and can be told
 * to fail the next N calls of a kind.
 */
public final class RecordingParticipant implements AutoCloseable {

  /** One callback as received. */
  public record Call(String kind, String lraId) {}

  private final HttpServer server;
  private final List<Call> calls = new CopyOnWriteArrayList<>();
  private final Map<String, AtomicInteger> failuresLeft = new ConcurrentHashMap<>();
  private final Map<String, CountDownLatch> holds = new ConcurrentHashMap<>();
  private final CountDownLatch held = new CountDownLatch(1);

  public RecordingParticipant() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/participant/compensate", exchange -> answer("compensate", exchange));
    server.createContext("/participant/complete", exchange -> answer("complete", exchange));
    server.start();
  }

  public String baseUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/participant";
  }

  /** The next {@code times} calls of {@code kind} answer 503, as a participant briefly down. */
  public void failNext(String kind, int times) {
    failuresLeft.put(kind, new AtomicInteger(times));
  }

  /**
   * The next call of {@code kind} is recorded, then left unanswered until {@code release} counts
   * down: a participant still busy when the coordinator dies.
   */
  public void holdNext(String kind, CountDownLatch release) {
    holds.put(kind, release);
  }

  /** Waits until a held call has arrived. */
  public boolean awaitHeld(Duration timeout) throws InterruptedException {
    return held.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
  }

  public List<Call> calls() {
    return List.copyOf(calls);
  }

  public List<Call> calls(String kind) {
    return calls.stream().filter(call -> call.kind().equals(kind)).toList();
  }

  @Override
  public void close() {
    server.stop(0);
  }

  private void answer(String kind, HttpExchange exchange) throws IOException {
    calls.add(new Call(kind, exchange.getRequestHeaders().getFirst("Long-Running-Action")));
    CountDownLatch release = holds.remove(kind);
    if (release != null) {
      held.countDown();
      try {
        release.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    AtomicInteger failures = failuresLeft.get(kind);
    boolean fail = failures != null && failures.getAndDecrement() > 0;
    byte[] body =
        (fail ? "" : kind.equals("complete") ? "Completed" : "Compensated")
            .getBytes(StandardCharsets.UTF_8);
    exchange.sendResponseHeaders(fail ? 503 : 200, body.length == 0 ? -1 : body.length);
    exchange.getResponseBody().write(body);
    exchange.close();
  }
}
