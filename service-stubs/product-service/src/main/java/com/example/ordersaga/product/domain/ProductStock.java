package com.example.ordersaga.product.domain;

import static java.util.stream.Collectors.groupingBy;
import static java.util.stream.Collectors.summingLong;

import com.example.ordersaga.common.participant.errors.BusinessRejection;
import com.example.ordersaga.common.participant.errors.NotFound;
import com.example.ordersaga.common.participant.errors.RejectionReason;
import com.example.ordersaga.product.persistence.ProductRepository;
import com.example.ordersaga.product.persistence.ProductRepository.Movement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.stereotype.Service;

/**
 * The stock rules: a deduction never takes a product's stock below zero, whatever the concurrency
 * (one conditional update per product), takes all of an order's lines or none, and a restore gives
 * back exactly what that saga took. Callers hold the local transaction (see ParticipantSteps).
 */
@Service
public class ProductStock {

  private final ProductRepository repository;

  public ProductStock(ProductRepository repository) {
    this.repository = repository;
  }

  /**
   * Takes every line or throws (the caller's transaction then rolls back the lines already taken).
   * Lines of one product are merged, and products are updated in id order so that two orders
   * sharing products lock their rows in the same order and never deadlock.
   */
  public StockDeduction deduct(String lraId, String orderId, List<StockLine> lines) {
    Map<String, Long> quantities =
        lines.stream()
            .collect(
                groupingBy(StockLine::productId, TreeMap::new, summingLong(StockLine::quantity)));
    List<StockDeduction.Item> items = new ArrayList<>(quantities.size());
    quantities.forEach(
        (productId, quantity) -> {
          if (!repository.deduct(productId, quantity)) {
            throw refusal(productId, quantity);
          }
          repository.recordDeduction(lraId, new Movement(productId, orderId, quantity));
          items.add(new StockDeduction.Item(productId, quantity, stockOf(productId)));
        });
    return new StockDeduction(orderId, items);
  }

  /** Gives back what this saga took; nothing if it took nothing. */
  public void restore(String lraId) {
    for (Movement deduction : repository.deductionsOf(lraId)) {
      repository.restore(deduction.productId(), deduction.quantity());
      repository.recordRestore(lraId, deduction);
    }
  }

  public Product product(String productId) {
    return repository
        .find(productId)
        .orElseThrow(() -> new NotFound("unknown product " + productId));
  }

  /** Every product, by product id (the read side of audits). */
  public List<Product> products() {
    return repository.findAll();
  }

  /** Every deduction and restore, in the order they were made (the read side of audits). */
  public List<StockMovement> movements() {
    return repository.movements();
  }

  /** Creates the product or resets it to these values (fixtures). */
  public Product setProduct(String productId, String name, long price, long stock) {
    repository.save(new Product(productId, name, price, stock));
    return product(productId);
  }

  private BusinessRejection refusal(String productId, long quantity) {
    return repository.find(productId).isEmpty()
        ? new BusinessRejection(RejectionReason.UNKNOWN_PRODUCT, "unknown product " + productId)
        : new BusinessRejection(
            RejectionReason.OUT_OF_STOCK, productId + " has fewer than " + quantity + " in stock");
  }

  private long stockOf(String productId) {
    return repository.find(productId).orElseThrow().stock();
  }
}
