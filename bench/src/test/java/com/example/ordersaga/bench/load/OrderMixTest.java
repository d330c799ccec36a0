package com.example.ordersaga.bench.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class OrderMixTest {

  @ParameterizedTest
  @ValueSource(doubles = {0, 0.01, 0.1, 0.25, 0.5, 1})
  void theRejectShareIsExactOverEveryPrefix(double share) {
    OrderMix mix = new OrderMix(share, 100, 20);
    long rejects = 0;
    for (long n = 0; n < 10_000; n++) {
      if (mix.order(n).meantToBeRejected()) {
        rejects++;
      }
      long expected = (long) Math.floor((n + 1) * share + 1e-9);
      assertThat(rejects).as("after %d orders", n + 1).isEqualTo(expected);
    }
  }

  @Test
  void rejectionsAreBrokeUsersAskingForPointsAndTheRestRichUsers() {
    OrderMix mix = new OrderMix(0.1, 50, 10);

    for (long n = 0; n < 1000; n++) {
      OrderSpec order = mix.order(n);
      assertThat(order.userId())
          .startsWith(
              order.meantToBeRejected() ? OrderMix.BROKE_USER_PREFIX : OrderMix.USER_PREFIX);
      assertThat(order.pointsToUse()).isPositive();
      // Never above the order's total: the contract would answer 400, not a business 409.
      assertThat(order.pointsToUse()).isLessThanOrEqualTo(OrderMix.PRICE * order.quantity());
      assertThat(order.quantity()).isBetween(1, OrderMix.MAX_QUANTITY);
    }
  }

  @Test
  void concurrentOrdersTouchDistinctRowsAndEveryRowEquallyOften() {
    int users = 100;
    int products = 20;
    OrderMix mix = new OrderMix(0, users, products);
    List<OrderSpec> orders = LongStream.range(0, 10L * users).mapToObj(mix::order).toList();

    // Any `products` consecutive orders (as many as are in flight with that many clients) touch
    // distinct users and distinct products: no hot row.
    for (int start = 0; start + products <= orders.size(); start++) {
      List<OrderSpec> window = orders.subList(start, start + products);
      assertThat(distinct(window, OrderSpec::userId)).hasSize(products);
      assertThat(distinct(window, OrderSpec::productId)).hasSize(products);
    }
    assertThat(counts(orders, OrderSpec::userId))
        .hasSize(users)
        .allSatisfy((u, c) -> c.equals(10L));
    assertThat(counts(orders, OrderSpec::productId))
        .hasSize(products)
        .allSatisfy((p, c) -> c.equals(50L));
  }

  @Test
  void nextHandsOutEachOrderOnceAcrossThreads() throws Exception {
    OrderMix mix = new OrderMix(0.1, 10, 10);
    Set<Long> seen = java.util.concurrent.ConcurrentHashMap.newKeySet();
    Thread[] threads = new Thread[4];
    for (int t = 0; t < threads.length; t++) {
      threads[t] =
          new Thread(
              () -> {
                for (int i = 0; i < 2500; i++) {
                  seen.add(mix.next().sequence());
                }
              });
      threads[t].start();
    }
    for (Thread thread : threads) {
      thread.join();
    }

    assertThat(seen).hasSize(10_000);
  }

  private static Set<String> distinct(List<OrderSpec> orders, Function<OrderSpec, String> key) {
    return new HashSet<>(orders.stream().map(key).toList());
  }

  private static Map<String, Long> counts(List<OrderSpec> orders, Function<OrderSpec, String> key) {
    return orders.stream().collect(Collectors.groupingBy(key, Collectors.counting()));
  }
}
