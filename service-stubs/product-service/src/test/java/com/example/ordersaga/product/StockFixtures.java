package com.example.ordersaga.product;

import com.example.ordersaga.product.api.DeductStockRequest;
import com.example.ordersaga.product.domain.ProductStock;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Named fixtures: fresh products per test (ids never collide, so tests share one database), orders
 * and LRA ids, and reads of the stock ledger.
 */
final class StockFixtures {

  static final long UNIT_PRICE = 1_000;

  /** Product id prefixes that fix the order in which a deduction visits products. */
  static final String SORTS_FIRST = "a-product";

  static final String SORTS_LAST = "z-product";

  static final String DEDUCT = "DEDUCT";
  static final String RESTORE = "RESTORE";

  private final ProductStock stock;
  private final JdbcTemplate jdbc;

  StockFixtures(ProductStock stock, JdbcTemplate jdbc) {
    this.stock = stock;
    this.jdbc = jdbc;
  }

  String productWithStock(long units) {
    return productWithStock("product", units);
  }

  String productWithStock(String idPrefix, long units) {
    String productId = uniqueId(idPrefix);
    stock.setProduct(productId, "Fixture " + productId, UNIT_PRICE, units);
    return productId;
  }

  long stockOf(String productId) {
    return stock.product(productId).stock();
  }

  long movements(String productId, String kind) {
    return jdbc.queryForObject(
        "SELECT COUNT(*) FROM stock_movement WHERE product_id = ? AND kind = ?",
        Long.class,
        productId,
        kind);
  }

  static String unknownProduct(String idPrefix) {
    return uniqueId(idPrefix + "-never-created");
  }

  static String newLra() {
    return "http://localhost/lra-coordinator/" + UUID.randomUUID();
  }

  static DeductStockRequest orderOf(DeductStockRequest.Item... lines) {
    return new DeductStockRequest(uniqueId("order"), List.of(lines));
  }

  static DeductStockRequest.Item units(int quantity, String productId) {
    return new DeductStockRequest.Item(productId, quantity);
  }

  private static String uniqueId(String prefix) {
    return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
  }
}
