package com.example.ordersaga.bench.load;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.ordersaga.bench.report.LatencySummary;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class LoadDriverTest {

  private final OrderMix mix = new OrderMix(0.5, 10, 10);

  @Test
  void closedLoopCountsEachAnswerByOutcomeAndLeavesTheWarmUpOut() throws Exception {
    AtomicInteger calls = new AtomicInteger();
    LoadDriver driver =
        new LoadDriver(new LoadPlan(2, Duration.ofMillis(100), Duration.ofMillis(300), null));

    LoadResult result =
        driver.run(
            mix,
            index ->
                order -> {
                  calls.incrementAndGet();
                  Thread.sleep(5);
                  return order.meantToBeRejected() ? "409 INSUFFICIENT_POINTS" : "201 COMPLETED";
                });

    assertThat(result.outcomes()).containsOnlyKeys("201 COMPLETED", "409 INSUFFICIENT_POINTS");
    assertThat(result.answered()).isPositive().isLessThan(calls.get());
    assertThat(result.errors()).isEmpty();
    // Loose upper bounds: CI machines stall threads; the lower bounds carry the meaning.
    assertThat(result.measuredSeconds()).isBetween(0.29, 3.0);
    assertThat(LatencySummary.of(result.latencyMicros()).p50Ms()).isBetween(4.9, 200.0);
  }

  @Test
  void errorsAreCountedByTypeOutsideTheLatency() throws Exception {
    LoadDriver driver =
        new LoadDriver(new LoadPlan(1, Duration.ZERO, Duration.ofMillis(100), null));

    LoadResult result =
        driver.run(
            mix,
            index ->
                order -> {
                  if (order.sequence() % 2 == 0) {
                    throw new IOException("connection refused");
                  }
                  return "201 COMPLETED";
                });

    assertThat(result.errors()).containsOnlyKeys("IOException");
    assertThat(result.errorSamples()).containsEntry("IOException", "connection refused");
    assertThat(result.latencyMicros().getTotalCount()).isEqualTo(result.answered());
  }

  @Test
  void openLoopMeasuresFromTheIntendedSendTimeSoAStallShowsAsLatency() throws Exception {
    // 100 orders/s for 400 ms, but one client needing 20 ms each serves only 50/s: a closed loop
    // would report 20 ms; measured from each order's due time, the backlog is in the latency.
    LoadDriver driver =
        new LoadDriver(new LoadPlan(1, Duration.ZERO, Duration.ofMillis(400), 100.0));

    LoadResult result =
        driver.run(
            mix,
            index ->
                order -> {
                  Thread.sleep(20);
                  return "201 COMPLETED";
                });

    LatencySummary latency = LatencySummary.of(result.latencyMicros());
    assertThat(latency.p50Ms()).isGreaterThan(60);
    assertThat(latency.maxMs()).isGreaterThan(150);
    assertThat(result.unsent()).isPositive();
    assertThat(result.answered() + result.unsent()).isEqualTo(40);
  }

  @Test
  void openLoopBelowCapacityKeepsItsRateAndShortLatencies() throws Exception {
    LoadDriver driver =
        new LoadDriver(new LoadPlan(2, Duration.ZERO, Duration.ofMillis(500), 100.0));

    LoadResult result = driver.run(mix, index -> order -> "201 COMPLETED");

    // Every due order is answered or (only if this busy machine stalled a thread) unsent.
    assertThat(result.outcomes()).containsOnlyKeys("201 COMPLETED");
    assertThat(result.answered() + result.unsent()).isEqualTo(50);
    assertThat(result.answered()).isGreaterThanOrEqualTo(40);
    assertThat(LatencySummary.of(result.latencyMicros()).p50Ms()).isLessThan(60);
  }
}
