package com.example.ordersaga.bench.db;

import com.example.ordersaga.bench.load.OrderAction;
import com.example.ordersaga.bench.load.OrderMix;
import com.example.ordersaga.bench.load.OrderSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;

/** Places a fixed number of orders from several threads, counting outcomes: for the baselines. */
public final class BaselineFixture {

  private BaselineFixture() {}

  /** The orders a mix hands out first, placed by {@code threads} clients; outcome counts. */
  public static Map<String, Long> place(
      OrderMix mix, int orders, int threads, Supplier<OrderAction> clients) throws Exception {
    Map<String, Long> outcomes = new ConcurrentHashMap<>();
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<?>> done = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        OrderAction client = clients.get();
        done.add(
            pool.submit(
                () -> {
                  for (int i = 0; i < orders / threads; i++) {
                    OrderSpec order = mix.next();
                    outcomes.merge(client.place(order), 1L, Long::sum);
                  }
                  client.close();
                  return null;
                }));
      }
      for (Future<?> future : done) {
        future.get();
      }
    } finally {
      pool.shutdownNow();
    }
    return outcomes;
  }
}
