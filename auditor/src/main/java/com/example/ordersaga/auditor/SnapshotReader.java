package com.example.ordersaga.auditor;

import com.example.ordersaga.auditor.Snapshot.Account;
import com.example.ordersaga.auditor.Snapshot.CompletionCall;
import com.example.ordersaga.auditor.Snapshot.HeldOrder;
import com.example.ordersaga.auditor.Snapshot.Line;
import com.example.ordersaga.auditor.Snapshot.Notification;
import com.example.ordersaga.auditor.Snapshot.OpenLra;
import com.example.ordersaga.auditor.Snapshot.OutcomeEvent;
import com.example.ordersaga.auditor.Snapshot.Payment;
import com.example.ordersaga.auditor.Snapshot.PointMovement;
import com.example.ordersaga.auditor.Snapshot.Product;
import com.example.ordersaga.auditor.Snapshot.SagaOrder;
import com.example.ordersaga.auditor.Snapshot.StockMovement;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** Reads a {@link Snapshot} through the stack's public read APIs and the two topics. */
public class SnapshotReader {

  private final AuditTarget target;
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final ObjectMapper json = new ObjectMapper();

  public SnapshotReader(AuditTarget target) {
    this.target = target;
  }

  public Snapshot read() throws IOException, InterruptedException {
    List<OpenLra> openLras = new ArrayList<>();
    for (String coordinator : target.coordinators()) {
      openLras.addAll(
          list(
              coordinator + "/lra-coordinator",
              n -> new OpenLra(text(n, "lraId"), text(n, "status"))));
      // An LRA whose participant refused its callback for good leaves the list for this one.
      openLras.addAll(
          list(
              coordinator + "/lra-coordinator/recovery/failed",
              n -> new OpenLra(text(n, "lraId"), text(n, "status"))));
    }
    List<SagaOrder> sagaOrders =
        list(
            target.orchestrator() + "/api/orders",
            n ->
                new SagaOrder(
                    text(n, "orderId"), text(n, "status"), text(n, "lraId"), text(n, "reason")));
    List<HeldOrder> heldOrders = list(target.orderService() + "/orders", SnapshotReader::heldOrder);
    List<Payment> payments =
        list(
            target.paymentService() + "/payments",
            n ->
                new Payment(
                    text(n, "paymentId"),
                    text(n, "orderId"),
                    n.path("amount").asLong(),
                    text(n, "status")));
    List<Account> accounts =
        list(
            target.pointService() + "/points",
            n -> new Account(text(n, "userId"), n.path("balance").asLong()));
    List<PointMovement> pointMovements =
        list(
            target.pointService() + "/movements",
            n ->
                new PointMovement(
                    text(n, "orderId"),
                    text(n, "userId"),
                    text(n, "kind"),
                    n.path("points").asLong()));
    List<Product> products =
        list(
            target.productService() + "/products",
            n -> new Product(text(n, "productId"), n.path("stock").asLong()));
    List<StockMovement> stockMovements =
        list(
            target.productService() + "/movements",
            n ->
                new StockMovement(
                    text(n, "orderId"),
                    text(n, "productId"),
                    text(n, "kind"),
                    n.path("quantity").asLong()));
    List<Notification> notifications =
        list(
            target.completionApi() + "/notifications",
            n -> new Notification(text(n, "orderId"), n.path("attempt").asInt()));
    List<CompletionCall> calls =
        list(
            target.completionApi() + "/calls",
            n -> new CompletionCall(text(n, "orderId"), n.path("status").asInt()));
    List<OutcomeEvent> events = new ArrayList<>();
    List<String> parked = new ArrayList<>();
    try (TopicReader topics = new TopicReader(target.kafkaBootstrapServers())) {
      topics.read("order-events", (key, value) -> events.add(event(key, value)));
      topics.read("order-events.DLT", (key, value) -> parked.add(key));
    }
    return new Snapshot(
        sagaOrders,
        heldOrders,
        payments,
        accounts,
        pointMovements,
        products,
        stockMovements,
        events,
        parked,
        notifications,
        calls,
        openLras);
  }

  private static HeldOrder heldOrder(JsonNode n) {
    List<Line> items = new ArrayList<>();
    n.path("items")
        .forEach(
            item -> items.add(new Line(text(item, "productId"), item.path("quantity").asLong())));
    return new HeldOrder(
        text(n, "orderId"),
        text(n, "status"),
        text(n, "userId"),
        items,
        n.path("totalAmount").asLong(),
        n.path("pointsUsed").asLong(),
        n.path("paidAmount").asLong(),
        text(n, "lraId"));
  }

  private OutcomeEvent event(String key, String value) {
    try {
      JsonNode event = json.readTree(value);
      return new OutcomeEvent(key, text(event, "eventId"), text(event, "type"));
    } catch (IOException notJson) {
      return new OutcomeEvent(key, null, "UNREADABLE");
    }
  }

  private <T> List<T> list(String url, Function<JsonNode, T> mapper)
      throws IOException, InterruptedException {
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60)).GET().build(),
            HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 200) {
      throw new IOException("GET " + url + ": HTTP " + response.statusCode());
    }
    JsonNode array = json.readTree(response.body());
    if (!array.isArray()) {
      throw new IOException("GET " + url + ": not a JSON array");
    }
    List<T> rows = new ArrayList<>(array.size());
    array.forEach(node -> rows.add(mapper.apply(node)));
    return rows;
  }

  private static String text(JsonNode node, String field) {
    JsonNode value = node.get(field);
    return value == null || value.isNull() ? null : value.asText();
  }
}
