package com.example.ordersaga.routes.notify;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;

/**
 * The partner's completion API as the notifier's tests need it: answers scripted per order (then
 * 201), every call recorded with its arrival time. The real one (service-stubs/completion-api) is
 * exercised by the system tests.
 */
final class FakeCompletionApi implements AutoCloseable {

  record Call(String orderId, String idempotencyKey, long atNanos, int status) {}

  private final ObjectMapper json = new ObjectMapper();
  private final List<Call> calls = new CopyOnWriteArrayList<>();
  private final Set<String> arrived = ConcurrentHashMap.newKeySet();
  private final Map<String, Deque<Integer>> scripts = new ConcurrentHashMap<>();
  private final Map<String, CountDownLatch> held = new ConcurrentHashMap<>();
  private final int port;
  private volatile long delayMillis;
  private volatile HttpServer server;

  FakeCompletionApi() throws IOException {
    server = listen(0);
    port = server.getAddress().getPort();
  }

  String url() {
    return "http://127.0.0.1:" + port;
  }

  /** Gone from its port: calls are refused until {@link #comeBack()}. */
  void goDown() {
    server.stop(0);
  }

  void comeBack() throws IOException {
    server = listen(port);
  }

  /** Every call takes at least this long to be answered. */
  void delayEachCall(Duration delay) {
    delayMillis = delay.toMillis();
  }

  /** Calls for this order wait (unanswered) until the returned latch is counted down. */
  CountDownLatch hold(String orderId) {
    CountDownLatch release = new CountDownLatch(1);
    held.put(orderId, release);
    return release;
  }

  /** A call for this order has reached the API (answered or not yet). */
  boolean arrived(String orderId) {
    return arrived.contains(orderId);
  }

  private HttpServer listen(int onPort) throws IOException {
    HttpServer listening = HttpServer.create(new InetSocketAddress("127.0.0.1", onPort), 0);
    listening.createContext("/completions", this::handle);
    listening.setExecutor(Executors.newCachedThreadPool());
    listening.start();
    return listening;
  }

  /** A scripted answer that never comes in time: the call is held this long, then 201. */
  static final int HANG = -1;

  static final long HANG_MILLIS = 2_500;

  /** The next calls for this order get these statuses (or {@link #HANG}), in order; then 201. */
  void answer(String orderId, Integer... statuses) {
    scripts.put(orderId, new ArrayDeque<>(List.of(statuses)));
  }

  List<Call> calls(String orderId) {
    return calls.stream().filter(call -> call.orderId().equals(orderId)).toList();
  }

  List<Call> calls() {
    return List.copyOf(calls);
  }

  private void handle(HttpExchange exchange) throws IOException {
    String orderId;
    try (InputStream body = exchange.getRequestBody()) {
      orderId = json.readTree(body).path("orderId").asText();
    }
    if (!"POST".equals(exchange.getRequestMethod())
        || !"/completions".equals(exchange.getRequestURI().getPath())) {
      exchange.sendResponseHeaders(405, -1);
      exchange.close();
      return;
    }
    arrived.add(orderId);
    awaitRelease(orderId);
    Deque<Integer> script = scripts.get(orderId);
    Integer scripted = script == null ? null : script.poll();
    int status = scripted == null ? 201 : scripted;
    if (status == HANG) {
      try {
        Thread.sleep(HANG_MILLIS);
      } catch (InterruptedException stopping) {
        Thread.currentThread().interrupt();
      }
      status = 201;
    }
    calls.add(
        new Call(
            orderId,
            exchange.getRequestHeaders().getFirst("Idempotency-Key"),
            System.nanoTime(),
            status));
    byte[] answer = ("{\"orderId\":\"" + orderId + "\"}").getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().add("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, answer.length);
    exchange.getResponseBody().write(answer);
    exchange.close();
  }

  private void awaitRelease(String orderId) {
    try {
      CountDownLatch release = held.get(orderId);
      if (release != null) {
        release.await();
      }
      if (delayMillis > 0) {
        Thread.sleep(delayMillis);
      }
    } catch (InterruptedException stopping) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
