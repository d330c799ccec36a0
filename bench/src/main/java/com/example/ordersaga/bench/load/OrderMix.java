package com.example.ordersaga.bench.load;

import java.util.concurrent.atomic.AtomicLong;

/**
 * The orders of a run, a realistic mix without hot rows: users and products are taken round-robin
 * (so N concurrent orders touch N different rows while N ≤ users, products), and an exact share of
 * the orders is placed by a "broke" user (balance 0) asking for points, which every mode rejects as
 * {@code INSUFFICIENT_POINTS} — the saga after it joined order-create and point-deduct, so the
 * rejection costs a compensation there, as in production.
 *
 * <p>Deterministic (order n is always the same order), so runs and tests are repeatable; the reject
 * share is exact over every prefix, not only on average.
 */
public final class OrderMix {

  public static final String USER_PREFIX = "bench-user-";
  public static final String BROKE_USER_PREFIX = "bench-broke-";
  public static final String PRODUCT_PREFIX = "bench-product-";
  public static final long PRICE = 1000;
  public static final long POINTS_PER_ORDER = 100;
  public static final int MAX_QUANTITY = 3;

  /** Shares are counted in 1/10000 so that "is order n a rejection" is exact integer math. */
  private static final long SHARE_SCALE = 10_000;

  private final int users;
  private final int products;
  private final long rejectsPerScale;
  private final AtomicLong next = new AtomicLong();

  public OrderMix(double rejectShare, int users, int products) {
    if (users < 1 || products < 1 || rejectShare < 0 || rejectShare > 1) {
      throw new IllegalArgumentException("users, products ≥ 1 and reject share within 0..1");
    }
    this.users = users;
    this.products = products;
    this.rejectsPerScale = Math.round(rejectShare * SHARE_SCALE);
  }

  /** The next order of the run; safe to call from every client thread. */
  public OrderSpec next() {
    return order(next.getAndIncrement());
  }

  public OrderSpec order(long n) {
    boolean reject = rejectsUpTo(n + 1) > rejectsUpTo(n);
    String user = (reject ? BROKE_USER_PREFIX : USER_PREFIX) + (1 + n % users);
    String product = PRODUCT_PREFIX + (1 + n % products);
    int quantity = 1 + (int) (n % MAX_QUANTITY);
    return new OrderSpec(n, user, product, quantity, POINTS_PER_ORDER, reject);
  }

  public int users() {
    return users;
  }

  public int products() {
    return products;
  }

  /** How many of the first n orders are rejections. */
  private long rejectsUpTo(long n) {
    return n * rejectsPerScale / SHARE_SCALE;
  }
}
