package com.example.ordersaga.order.persistence;

import static java.util.stream.Collectors.groupingBy;
import static java.util.stream.Collectors.mapping;
import static java.util.stream.Collectors.toList;

import com.example.ordersaga.common.participant.sql.SqlGateway;
import com.example.ordersaga.order.domain.NewOrder;
import com.example.ordersaga.order.domain.Order;
import com.example.ordersaga.order.domain.OrderLine;
import com.example.ordersaga.order.domain.OrderStatus;
import com.example.ordersaga.order.domain.PaymentMethod;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Repository;

/** Orders and their lines, through camel-sql (queries in resources/sql/order). */
@Repository
public class OrderRepository {

  private final SqlGateway sql;

  public OrderRepository(SqlGateway sql) {
    this.sql = sql;
  }

  public void insert(String lraId, NewOrder order) {
    sql.update(
        "order/insert-order.sql",
        Map.of(
            "orderId", order.orderId(),
            "lraId", lraId,
            "userId", order.userId(),
            "paymentMethod", order.paymentMethod().name(),
            "totalAmount", order.totalAmount(),
            "pointsUsed", order.pointsUsed(),
            "paidAmount", order.paidAmount()));
    List<OrderLine> items = order.items();
    for (int i = 0; i < items.size(); i++) {
      OrderLine item = items.get(i);
      sql.update(
          "order/insert-item.sql",
          Map.of(
              "orderId", order.orderId(),
              "lineNo", i + 1,
              "productId", item.productId(),
              "quantity", item.quantity(),
              "unitPrice", item.unitPrice()));
    }
  }

  public Optional<Order> find(String orderId) {
    return sql.queryOne("order/find-order.sql", Map.of("orderId", orderId))
        .map(row -> toOrder(row, items(orderId)));
  }

  /**
   * Every order with its lines, in creation order: two queries, not one per order. Orders are read
   * first: an order's lines commit with it and are never deleted, so every order read has all its
   * lines in the second read (lines of orders placed in between are left out).
   */
  public List<Order> findAll() {
    List<Map<String, Object>> orders = sql.query("order/find-orders.sql", Map.of());
    Map<String, List<OrderLine>> lines =
        sql.query("order/find-all-items.sql", Map.of()).stream()
            .collect(
                groupingBy(
                    row -> (String) row.get("order_id"),
                    mapping(OrderRepository::toLine, toList())));
    return orders.stream()
        .map(row -> toOrder(row, lines.getOrDefault((String) row.get("order_id"), List.of())))
        .toList();
  }

  /** Conditional: false unless the order of this LRA was PENDING. */
  public boolean markConfirming(String lraId, String orderId) {
    return sql.update("order/mark-confirming.sql", Map.of("lraId", lraId, "orderId", orderId)) == 1;
  }

  /** The LRA's orders still PENDING or CONFIRMING. */
  public List<String> openOrderIds(String lraId) {
    return sql.query("order/find-open-order-ids.sql", Map.of("lraId", lraId)).stream()
        .map(row -> (String) row.get("order_id"))
        .toList();
  }

  /** Conditional: false unless the order was still PENDING or CONFIRMING. */
  public boolean end(String orderId, OrderStatus finalStatus) {
    return sql.update(
            "order/end-order.sql", Map.of("orderId", orderId, "status", finalStatus.name()))
        == 1;
  }

  private List<OrderLine> items(String orderId) {
    return sql.query("order/find-items.sql", Map.of("orderId", orderId)).stream()
        .map(OrderRepository::toLine)
        .toList();
  }

  private static OrderLine toLine(Map<String, Object> row) {
    return new OrderLine(
        (String) row.get("product_id"),
        ((Number) row.get("quantity")).intValue(),
        ((Number) row.get("unit_price")).longValue());
  }

  private static Order toOrder(Map<String, Object> row, List<OrderLine> items) {
    return new Order(
        (String) row.get("order_id"),
        OrderStatus.valueOf((String) row.get("status")),
        (String) row.get("lra_id"),
        (String) row.get("user_id"),
        items,
        ((Number) row.get("total_amount")).longValue(),
        ((Number) row.get("points_used")).longValue(),
        ((Number) row.get("paid_amount")).longValue(),
        PaymentMethod.valueOf((String) row.get("payment_method")),
        SqlGateway.instant(row.get("created_at")),
        SqlGateway.instant(row.get("updated_at")));
  }
}
