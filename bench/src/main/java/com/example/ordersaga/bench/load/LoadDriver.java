package com.example.ordersaga.bench.load;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.HdrHistogram.Histogram;

/**
 * Applies a {@link LoadPlan}: C client threads, each with its own {@link OrderAction}.
 *
 * <p>Closed loop: each client sends its next order when the previous one was answered; latency is
 * the round trip. Open loop: order i is due at {@code start + i / rate}; whichever client is free
 * takes it, waits until it is due and measures from that due time, not from when it was actually
 * sent — so a stalled system shows up as latency (no coordinated omission), not as fewer samples.
 * An order still not started when the run ends is counted as unsent.
 */
public final class LoadDriver {

  /** After an error (e.g. connection refused) a closed-loop client pauses rather than spins. */
  private static final long ERROR_PAUSE_NANOS = 10_000_000;

  private final LoadPlan plan;

  public LoadDriver(LoadPlan plan) {
    this.plan = plan;
  }

  /** Makes client {@code index}'s action; called for every client before the clock starts. */
  @FunctionalInterface
  public interface ClientFactory {
    OrderAction newClient(int index) throws Exception;
  }

  public LoadResult run(OrderMix mix, ClientFactory factory) throws Exception {
    return run(mix, factory, () -> {});
  }

  /** As {@link #run(OrderMix, ClientFactory)}, calling {@code atMeasureStart} when warm-up ends. */
  public LoadResult run(OrderMix mix, ClientFactory factory, Runnable atMeasureStart)
      throws Exception {
    List<OrderAction> actions = new ArrayList<>();
    try {
      for (int i = 0; i < plan.clients(); i++) {
        actions.add(factory.newClient(i));
      }
      return runClients(mix, actions, atMeasureStart);
    } finally {
      for (OrderAction action : actions) {
        action.close();
      }
    }
  }

  private LoadResult runClients(OrderMix mix, List<OrderAction> actions, Runnable atMeasureStart)
      throws InterruptedException {
    long start = System.nanoTime();
    Window window =
        new Window(
            start,
            start + plan.warmup().toNanos(),
            start + plan.warmup().toNanos() + plan.duration().toNanos());
    Thread measureStart =
        new Thread(
            () -> {
              LockSupport.parkNanos(window.measureFrom() - System.nanoTime());
              atMeasureStart.run();
            },
            "bench-measure-start");
    measureStart.start();
    AtomicLong due = new AtomicLong();
    List<ClientTally> tallies = new ArrayList<>();
    List<Thread> threads = new ArrayList<>();
    for (int i = 0; i < actions.size(); i++) {
      OrderAction action = actions.get(i);
      ClientTally tally = new ClientTally();
      tallies.add(tally);
      Runnable loop =
          plan.openLoop()
              ? () -> openLoop(mix, action, tally, window, due)
              : () -> closedLoop(mix, action, tally, window);
      Thread thread = new Thread(loop, "bench-client-" + i);
      threads.add(thread);
      thread.start();
    }
    measureStart.join();
    for (Thread thread : threads) {
      thread.join();
    }
    return merge(tallies, window);
  }

  private void closedLoop(OrderMix mix, OrderAction action, ClientTally tally, Window window) {
    while (!Thread.currentThread().isInterrupted()) {
      long sent = System.nanoTime();
      if (sent - window.stop() >= 0) {
        return;
      }
      if (!place(action, mix.next(), sent, sent - window.measureFrom() >= 0, tally)) {
        LockSupport.parkNanos(ERROR_PAUSE_NANOS);
      }
    }
  }

  private void openLoop(
      OrderMix mix, OrderAction action, ClientTally tally, Window window, AtomicLong due) {
    double periodNanos = 1e9 / plan.rate();
    while (!Thread.currentThread().isInterrupted()) {
      long intended = window.start() + (long) (due.getAndIncrement() * periodNanos);
      if (intended - window.stop() >= 0) {
        return;
      }
      long now = System.nanoTime();
      if (now - window.stop() >= 0) {
        tally.unsent++;
        continue;
      }
      while (intended - now > 0) {
        LockSupport.parkNanos(intended - now);
        now = System.nanoTime();
      }
      place(action, mix.next(), intended, intended - window.measureFrom() >= 0, tally);
    }
  }

  /** Runs one order; its latency counts from {@code from}. Returns false on an error. */
  private static boolean place(
      OrderAction action, OrderSpec order, long from, boolean measured, ClientTally tally) {
    try {
      String outcome = action.place(order);
      long end = System.nanoTime();
      if (measured) {
        tally.answered(outcome, end - from);
        tally.lastEndNanos = Math.max(tally.lastEndNanos, end);
      }
      return true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    } catch (Exception e) {
      if (measured) {
        tally.failed(e);
        tally.lastEndNanos = Math.max(tally.lastEndNanos, System.nanoTime());
      }
      return false;
    }
  }

  private LoadResult merge(List<ClientTally> tallies, Window window) {
    Histogram latency = new Histogram(1, ClientTally.HIGHEST_MICROS, 3);
    Map<String, Long> outcomes = new TreeMap<>();
    Map<String, Long> errors = new TreeMap<>();
    Map<String, String> samples = new TreeMap<>();
    long unsent = 0;
    long lastEnd = window.measureFrom();
    for (ClientTally tally : tallies) {
      latency.add(tally.latencyMicros);
      tally.outcomes.forEach((k, v) -> outcomes.merge(k, v, Long::sum));
      tally.errors.forEach((k, v) -> errors.merge(k, v, Long::sum));
      tally.firstErrorMessages.forEach(samples::putIfAbsent);
      unsent += tally.unsent;
      if (tally.lastEndNanos != 0 && tally.lastEndNanos - lastEnd > 0) {
        lastEnd = tally.lastEndNanos;
      }
    }
    double seconds = (lastEnd - window.measureFrom()) / 1e9;
    return new LoadResult(seconds, latency, outcomes, errors, samples, unsent);
  }

  /** The run's instants, in {@link System#nanoTime()}: compare them by difference only. */
  private record Window(long start, long measureFrom, long stop) {}
}
