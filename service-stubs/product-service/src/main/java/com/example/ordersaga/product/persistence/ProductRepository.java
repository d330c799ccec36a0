package com.example.ordersaga.product.persistence;

import com.example.ordersaga.common.participant.sql.SqlGateway;
import com.example.ordersaga.product.domain.Product;
import com.example.ordersaga.product.domain.StockMovement;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Repository;

/** Products and stock movements, through camel-sql (queries in resources/sql/product). */
@Repository
public class ProductRepository {

  /** A quantity of one product moved for one saga's order. */
  public record Movement(String productId, String orderId, long quantity) {}

  private static final String DEDUCT = "DEDUCT";
  private static final String RESTORE = "RESTORE";

  private final SqlGateway sql;

  public ProductRepository(SqlGateway sql) {
    this.sql = sql;
  }

  public Optional<Product> find(String productId) {
    return sql.queryOne("product/find-product.sql", Map.of("productId", productId))
        .map(ProductRepository::toProduct);
  }

  /** Every product, by product id. */
  public List<Product> findAll() {
    return sql.query("product/find-products.sql", Map.of()).stream()
        .map(ProductRepository::toProduct)
        .toList();
  }

  /** Every ledger row, in the order they were written. */
  public List<StockMovement> movements() {
    return sql.query("product/find-movements.sql", Map.of()).stream()
        .map(
            row ->
                new StockMovement(
                    (String) row.get("order_id"),
                    (String) row.get("product_id"),
                    (String) row.get("kind"),
                    ((Number) row.get("quantity")).longValue(),
                    (String) row.get("lra_id"),
                    SqlGateway.instant(row.get("created_at"))))
        .toList();
  }

  /** Atomic and conditional: false when the stock is too low (or the product unknown). */
  public boolean deduct(String productId, long quantity) {
    return sql.update(
            "product/deduct-stock.sql", Map.of("productId", productId, "quantity", quantity))
        == 1;
  }

  public void restore(String productId, long quantity) {
    sql.update("product/restore-stock.sql", Map.of("productId", productId, "quantity", quantity));
  }

  public void recordDeduction(String lraId, Movement movement) {
    recordMovement(lraId, DEDUCT, movement);
  }

  public void recordRestore(String lraId, Movement movement) {
    recordMovement(lraId, RESTORE, movement);
  }

  /** This saga's deductions, in product id order (the order deductions lock rows in). */
  public List<Movement> deductionsOf(String lraId) {
    return sql.query("product/find-deductions.sql", Map.of("lraId", lraId)).stream()
        .map(
            row ->
                new Movement(
                    (String) row.get("product_id"),
                    (String) row.get("order_id"),
                    ((Number) row.get("quantity")).longValue()))
        .toList();
  }

  public void save(Product product) {
    sql.update(
        "product/upsert-product.sql",
        Map.of(
            "productId", product.productId(),
            "name", product.name(),
            "price", product.price(),
            "stock", product.stock()));
  }

  private void recordMovement(String lraId, String kind, Movement movement) {
    sql.update(
        "product/record-movement.sql",
        Map.of(
            "lraId", lraId,
            "kind", kind,
            "productId", movement.productId(),
            "orderId", movement.orderId(),
            "quantity", movement.quantity()));
  }

  private static Product toProduct(Map<String, Object> row) {
    return new Product(
        (String) row.get("product_id"),
        (String) row.get("name"),
        ((Number) row.get("price")).longValue(),
        ((Number) row.get("stock")).longValue());
  }
}
