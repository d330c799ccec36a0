package com.example.ordersaga.bench.coordinator;

import com.example.ordersaga.bench.BenchAbort;
import com.example.ordersaga.bench.BenchOptions;
import com.example.ordersaga.bench.Measurement;
import com.example.ordersaga.bench.report.Check;
import com.example.ordersaga.bench.report.Report;
import com.example.ordersaga.bench.rss.RssSampler;
import com.example.ordersaga.bench.rss.StackProcesses;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Mode {@code coordinator}: the ceiling of this design on this machine — the same Narayana
 * coordinator the stack runs, driven with the LRA traffic of one order saga per order and
 * participants that do nothing.
 */
public final class CoordinatorBench {

  /**
   * Joins one order saga makes, counted in the code: the orchestrator's own saga route
   * (routes/…/OrderSagaRoute, REQUIRED with completion and compensation: camel-lra joins it) plus
   * the four service steps that join with {@code joinSaga} (MANDATORY): order-create, point-deduct,
   * payment-save, stock-deduct. payment-validate and order-complete are local steps that do not
   * join. So 5 joins, and 5 complete callbacks when the LRA closes.
   */
  public static final int SAGA_JOINS = 5;

  /** The saga's default time limit (SAGA_TIMEOUT, 30 s), given to each LRA at start. */
  private static final long TIME_LIMIT_MILLIS = 30_000;

  /**
   * Under load Narayana's periodic recovery can pick up an LRA while it is being closed and call
   * its participants once more later; the participants stay up until the coordinator has ended
   * every LRA of the run (a few recovery periods at most), or those LRAs would stay Closing.
   */
  private static final Duration DRAIN_LIMIT = Duration.ofSeconds(60);

  private CoordinatorBench() {}

  private static long drain(LraCalls lra, Duration limit) throws Exception {
    long deadline = System.nanoTime() + limit.toNanos();
    long left = lra.unfinished();
    while (left > 0 && System.nanoTime() < deadline) {
      Thread.sleep(500);
      left = lra.unfinished();
    }
    return left;
  }

  public static Report run(BenchOptions options) throws Exception {
    String coordinator =
        System.getenv().getOrDefault("LRA_COORDINATOR_URL", "http://localhost:8090")
            + "/lra-coordinator";
    int joins = options.joins() != null ? options.joins() : SAGA_JOINS;
    HttpClient http =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    requireReachable(http, coordinator);

    Map<String, Long> pids = new LinkedHashMap<>();
    pids.put("bench", RssSampler.self());
    pids.putAll(StackProcesses.fromEnvironment().pids(List.of("lra-coordinator")));
    LraCalls lra = new LraCalls(http, coordinator, options.timeout());
    try (TrivialParticipants participants =
        TrivialParticipants.start(Math.max(4, options.clients()))) {
      Report report =
          Measurement.run(
              options,
              Measurement.mix(options),
              index ->
                  new CoordinatorOrder(
                      lra, participants, joins, TIME_LIMIT_MILLIS, options.timeout()),
              pids,
              Map.of(
                  "coordinator",
                  coordinator,
                  "joins",
                  Integer.toString(joins),
                  "participants",
                  "in-process, answer 200 at once"));
      long left = drain(lra, DRAIN_LIMIT);
      if (left > 0) {
        return report.withCheck(
            Check.failed(left + " LRA(s) of this bench still unfinished at the coordinator"));
      }
      return report.withCheck(
          participants.compensations() == 0
              ? Check.passed("no compensation received, every LRA ended")
              : Check.failed(
                  participants.compensations() + " COMPENSATIONS received: LRAs were cancelled"));
    }
  }

  private static void requireReachable(HttpClient http, String coordinator) throws BenchAbort {
    try {
      HttpResponse<Void> response =
          http.send(
              HttpRequest.newBuilder(URI.create(coordinator + "?Status=Active"))
                  .timeout(Duration.ofSeconds(5))
                  .GET()
                  .build(),
              HttpResponse.BodyHandlers.discarding());
      if (response.statusCode() != 200) {
        throw new BenchAbort(
            2, "LRA coordinator at " + coordinator + " answered HTTP " + response.statusCode());
      }
    } catch (IOException e) {
      throw new BenchAbort(
          2,
          "LRA coordinator not reachable at "
              + coordinator
              + " ("
              + e
              + "): start the stack with ./run.sh, or set LRA_COORDINATOR_URL");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new BenchAbort(2, "interrupted");
    }
  }
}
