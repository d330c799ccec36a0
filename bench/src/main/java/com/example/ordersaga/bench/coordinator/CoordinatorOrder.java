package com.example.ordersaga.bench.coordinator;

import com.example.ordersaga.bench.load.OrderAction;
import com.example.ordersaga.bench.load.OrderSpec;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One "order" of the coordinator bound: start an LRA, join J trivial participants one after the
 * other (the saga's steps run in sequence), close it, and wait until all J completions arrived —
 * the coordinator work of one successful order saga, without the services' work.
 */
final class CoordinatorOrder implements OrderAction {

  static final String CLOSED = "200 CLOSED";

  private final LraCalls lra;
  private final TrivialParticipants participants;
  private final int joins;
  private final long timeLimitMillis;
  private final Duration callbackWait;

  CoordinatorOrder(
      LraCalls lra,
      TrivialParticipants participants,
      int joins,
      long timeLimitMillis,
      Duration callbackWait) {
    this.lra = lra;
    this.participants = participants;
    this.joins = joins;
    this.timeLimitMillis = timeLimitMillis;
    this.callbackWait = callbackWait;
  }

  @Override
  public String place(OrderSpec order) throws Exception {
    CountDownLatch completions = participants.expect(order.sequence(), joins);
    try {
      URI id = lra.start(timeLimitMillis);
      for (int join = 1; join <= joins; join++) {
        lra.join(id, participants.participant(order.sequence(), join));
      }
      lra.close(id);
      if (!completions.await(callbackWait.toMillis(), TimeUnit.MILLISECONDS)) {
        throw new TimeoutException(
            completions.getCount() + " of " + joins + " completions missing for " + id);
      }
      return CLOSED;
    } catch (UnexpectedStatus refused) {
      return refused.outcome();
    } finally {
      participants.forget(order.sequence());
    }
  }
}
