package com.example.ordersaga.bench.saga;

import com.example.ordersaga.bench.BenchOptions;
import com.example.ordersaga.bench.Measurement;
import com.example.ordersaga.bench.load.OrderMix;
import com.example.ordersaga.bench.report.Report;
import com.example.ordersaga.bench.rss.StackProcesses;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

/** Mode {@code saga}: the real stack, as run.sh runs it, through the orchestrator's API. */
public final class SagaBench {

  private SagaBench() {}

  public static Report run(BenchOptions options) throws Exception {
    StackUrls urls = StackUrls.fromEnvironment();
    OrderMix mix = Measurement.mix(options);
    // HTTP/1.1 keep-alive: the client pools connections, one per concurrent request.
    HttpClient http =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    System.err.printf(
        "preparing %d users, %d broke users, %d products …%n",
        mix.users(), mix.users(), mix.products());
    new StackFixtures(http, urls).prepare(mix);

    StackProcesses stack = StackProcesses.fromEnvironment();
    Map<String, Long> pids = stack.pids();
    if (pids.isEmpty()) {
      System.err.printf(
          "no live PID files under %s for the processes in %s: RSS not sampled%n",
          stack.runDir(), stack.processFile());
    }
    String runId = UUID.randomUUID().toString().substring(0, 8);
    Report report =
        Measurement.run(
            options,
            mix,
            index -> new OrderApiClient(http, urls.orchestrator(), runId, options.timeout()),
            pids,
            Map.of("orchestrator", urls.orchestrator(), "runId", runId));
    return options.audit() ? report.withCheck(AuditorRun.audit()) : report;
  }
}
