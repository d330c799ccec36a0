package com.example.ordersaga.bench.coordinator;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.LongAdder;

/**
 * LRA participants that do no work: the coordinator's callbacks are answered 200 at once, so what
 * is measured is the coordinator and its HTTP round trips alone. Each join gets its own URL ({@code
 * /participant/<order>/<join>/complete}), as the saga's services are distinct participants, and a
 * completion is counted against its order so the bench can wait until all arrived.
 */
public final class TrivialParticipants implements AutoCloseable {

  private static final String PATH = "/participant/";

  private final HttpServer server;
  private final ExecutorService threads;
  private final Map<Long, CountDownLatch> awaited = new ConcurrentHashMap<>();
  private final LongAdder compensations = new LongAdder();

  private TrivialParticipants(HttpServer server, ExecutorService threads) {
    this.server = server;
    this.threads = threads;
  }

  /** Serves on a free loopback port. */
  public static TrivialParticipants start(int threadCount) throws IOException {
    HttpServer server =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 512);
    ExecutorService threads = Executors.newFixedThreadPool(threadCount);
    TrivialParticipants participants = new TrivialParticipants(server, threads);
    server.createContext(PATH, participants::answer);
    server.setExecutor(threads);
    server.start();
    return participants;
  }

  /** The base URL of one participant (one join) of an order. */
  public String participant(long order, int join) {
    return "http://127.0.0.1:" + server.getAddress().getPort() + PATH + order + "/" + join;
  }

  /** Starts counting an order's completions; the latch opens when all {@code joins} arrived. */
  public CountDownLatch expect(long order, int joins) {
    CountDownLatch latch = new CountDownLatch(joins);
    awaited.put(order, latch);
    return latch;
  }

  public void forget(long order) {
    awaited.remove(order);
  }

  /** Compensations received: none is expected, every LRA here is closed. */
  public long compensations() {
    return compensations.sum();
  }

  @Override
  public void close() {
    server.stop(0);
    threads.shutdownNow();
  }

  private void answer(HttpExchange exchange) throws IOException {
    try (InputStream body = exchange.getRequestBody()) {
      body.readAllBytes();
    }
    // /participant/<order>/<join>/<complete|compensate>
    String[] parts = exchange.getRequestURI().getPath().substring(PATH.length()).split("/");
    String kind = parts.length == 3 ? parts[2] : "";
    if (kind.equals("complete")) {
      CountDownLatch latch = awaited.get(Long.parseLong(parts[0]));
      if (latch != null) {
        latch.countDown();
      }
      respond(exchange, 200, "Completed");
    } else if (kind.equals("compensate")) {
      compensations.increment();
      respond(exchange, 200, "Compensated");
    } else {
      respond(exchange, 404, "");
    }
  }

  private static void respond(HttpExchange exchange, int status, String text) throws IOException {
    byte[] body = text.getBytes(StandardCharsets.UTF_8);
    exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
    if (body.length > 0) {
      exchange.getResponseBody().write(body);
    }
    exchange.close();
  }
}
