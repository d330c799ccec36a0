package com.example.ordersaga.common.lifecycle;

import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.SmartLifecycle;

/**
 * The first thing a deployable does when asked to stop (SIGTERM): it reports not-ready, then keeps
 * serving for {@code drain} while the load balancer's readiness checks notice and it stops sending
 * new requests; only then does the web server's graceful shutdown stop taking requests and wait for
 * those in flight. Without the pause a balancer would keep sending requests to a server that no
 * longer takes them until its next checks. The same role as a Kubernetes preStop pause.
 */
public class ReadinessDrain implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(ReadinessDrain.class);

  private final ApplicationEventPublisher events;
  private final Duration drain;
  private volatile boolean running;

  public ReadinessDrain(ApplicationEventPublisher events, Duration drain) {
    this.events = events;
    this.drain = drain;
  }

  @Override
  public void start() {
    running = true;
  }

  @Override
  public void stop() {
    running = false;
    AvailabilityChangeEvent.publish(events, this, ReadinessState.REFUSING_TRAFFIC);
    if (drain.isZero() || drain.isNegative()) {
      return;
    }
    log.info("Stopping: reported not-ready, still serving for {} ms", drain.toMillis());
    try {
      Thread.sleep(drain.toMillis());
    } catch (InterruptedException stopNow) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public boolean isRunning() {
    return running;
  }

  /** Stops before every other lifecycle, the web server's graceful shutdown included. */
  @Override
  public int getPhase() {
    return Integer.MAX_VALUE;
  }
}
