package com.example.ordersaga.bench.load;

/**
 * Places one order the way a mode does (HTTP saga, LRA round trip, local or XA transaction). Each
 * client thread gets its own instance, so an action may hold per-client resources.
 */
public interface OrderAction extends AutoCloseable {

  /**
   * @return the outcome as "status reason", e.g. {@code 201 COMPLETED}, {@code 409
   *     INSUFFICIENT_POINTS}: an answer, counted in the latency
   * @throws Exception when there was no answer (I/O, timeout, a broken database): an error, not
   *     counted in the latency
   */
  String place(OrderSpec order) throws Exception;

  @Override
  default void close() throws Exception {}
}
