package com.example.ordersaga.product.domain;

import java.util.List;

/**
 * What one saga took from stock: one item per product (duplicate lines merged), ordered by product
 * id, each with the stock left right after the deduction. The answer of {@code POST
 * /stock/deductions}, replayed as is when the same LRA asks again.
 */
public record StockDeduction(String orderId, List<Item> items) {

  /** One product's share of the deduction. */
  public record Item(String productId, long quantity, long stock) {}

  public StockDeduction {
    items = List.copyOf(items);
  }
}
