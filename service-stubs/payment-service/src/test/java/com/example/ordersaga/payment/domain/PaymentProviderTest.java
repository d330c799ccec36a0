package com.example.ordersaga.payment.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class PaymentProviderTest {

  private final PaymentTerms terms =
      new PaymentTerms("order-1", "user-1", PaymentMethod.CARD, 1000, 0, 1000);

  @Test
  void aReplicaMakesAtMostItsConcurrencyOfCallsAtOnce() throws Exception {
    AtomicInteger inCall = new AtomicInteger();
    AtomicInteger mostAtOnce = new AtomicInteger();
    CountDownLatch answer = new CountDownLatch(1);
    PaymentProvider provider =
        new PaymentProvider(
            Duration.ofMillis(250),
            2,
            latency -> {
              mostAtOnce.accumulateAndGet(inCall.incrementAndGet(), Math::max);
              answer.await();
              inCall.decrementAndGet();
            });

    List<CompletableFuture<Void>> calls =
        List.of(
            CompletableFuture.runAsync(() -> provider.check(terms)),
            CompletableFuture.runAsync(() -> provider.check(terms)),
            CompletableFuture.runAsync(() -> provider.check(terms)));
    await().atMost(Duration.ofSeconds(5)).until(() -> inCall.get() == 2);
    assertThat(calls.stream().filter(CompletableFuture::isDone)).as("none answered yet").isEmpty();

    answer.countDown();
    CompletableFuture.allOf(calls.toArray(CompletableFuture[]::new)).get(5, TimeUnit.SECONDS);
    assertThat(mostAtOnce).hasValue(2);
  }

  @Test
  void withoutLatencyThereIsNoProviderCall() {
    AtomicInteger waited = new AtomicInteger();
    PaymentProvider provider =
        new PaymentProvider(Duration.ZERO, 1, latency -> waited.incrementAndGet());

    provider.check(terms);

    assertThat(waited).hasValue(0);
  }
}
