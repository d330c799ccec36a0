package com.example.ordersaga.payment.domain;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The payment provider (the card network) that checks a payment request at payment-validate: a
 * stand-in with the two properties that bound a real one, a latency per call and a number of calls
 * at once per replica (its connection pool to the provider). Off by default (no latency); {@code
 * ./run.sh bench scaling} turns it on to make payment-service the tier that bounds throughput, and
 * shows what a second replica buys.
 */
@Component
public class PaymentProvider {

  /** How a call spends its latency (a test holds it instead). */
  @FunctionalInterface
  interface Wait {
    void pause(Duration latency) throws InterruptedException;
  }

  private final Duration latency;
  private final Semaphore calls;
  private final Wait wait;

  @Autowired
  public PaymentProvider(
      @Value("${ordersaga.payment.provider.latency}") Duration latency,
      @Value("${ordersaga.payment.provider.concurrency}") int concurrency) {
    this(latency, concurrency, pause -> Thread.sleep(pause.toMillis()));
  }

  PaymentProvider(Duration latency, int concurrency, Wait wait) {
    if (concurrency < 1) {
      throw new IllegalArgumentException("provider concurrency must be 1 or more");
    }
    this.latency = latency;
    this.calls = new Semaphore(concurrency, true);
    this.wait = wait;
  }

  /** Checks the request with the provider: waits for a free connection, then for its answer. */
  public void check(PaymentTerms terms) {
    if (latency.isZero()) {
      return;
    }
    try {
      calls.acquire();
      try {
        wait.pause(latency);
      } finally {
        calls.release();
      }
    } catch (InterruptedException stopping) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("payment provider call interrupted", stopping);
    }
  }
}
