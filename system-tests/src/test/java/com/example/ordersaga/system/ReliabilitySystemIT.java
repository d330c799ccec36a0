package com.example.ordersaga.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.ordersaga.auditor.AuditReport;
import com.example.ordersaga.auditor.Auditor;
import com.example.ordersaga.common.participant.callback.CallbackTokens;
import com.example.ordersaga.system.HostileRequests.Hostile;
import com.example.ordersaga.system.StackClient.Answer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue #6 on the real deployables: concurrency (oversell, duplicate requests), hostile input and
 * forged callbacks. After every test the invariant auditor reads the whole stack and must find
 * nothing.
 */
class ReliabilitySystemIT {

  private static final long UNIT_PRICE = 1_000;

  @TempDir static Path dataDir;
  private static RunScript runSh;
  private static StackClient stack;
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final ObjectMapper json = new ObjectMapper();

  @BeforeAll
  static void startStack() throws Exception {
    // 200 sagas at once on 2 cores: a time limit that load alone cannot reach.
    runSh = new RunScript(dataDir).with("SAGA_TIMEOUT", "120s");
    RunScript.Result started = runSh.run();
    assertThat(started.exitCode()).as(started.output()).isZero();
    stack = new StackClient(runSh);
  }

  @AfterAll
  static void stopStack() throws Exception {
    runSh.run("stop");
  }

  @AfterEach
  void theAuditorFindsNothing() throws Exception {
    AuditReport report =
        new Auditor(runSh.auditTarget(), Duration.ofSeconds(15), Duration.ofSeconds(120)).audit();
    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    report.print(new PrintStream(printed, true, StandardCharsets.UTF_8));
    System.out.println(printed.toString(StandardCharsets.UTF_8));
    assertThat(report.violations()).as(printed.toString(StandardCharsets.UTF_8)).isEmpty();
  }

  @Test
  void twoHundredOrdersForTenInStockSellExactlyTen() throws Exception {
    String product = "scarce-" + UUID.randomUUID();
    stack.stockProduct(product, UNIT_PRICE, 10);
    List<String> users = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      String user = "buyer-" + i + "-" + UUID.randomUUID();
      stack.givePoints(user, 1_000);
      users.add(user);
    }

    long start = System.nanoTime();
    List<Answer> answers =
        concurrently(
            users.stream()
                .map(
                    user ->
                        (Callable<Answer>)
                            () ->
                                stack.placeOrder(
                                    order(user, product, 1, 100), Map.of(), Duration.ofMinutes(5)))
                .toList());
    System.out.printf(
        "oversell: 200 orders at once answered in %.1f s%n", (System.nanoTime() - start) / 1e9);

    Map<Integer, Long> statuses =
        answers.stream().collect(Collectors.groupingBy(Answer::status, Collectors.counting()));
    assertThat(statuses).containsExactlyInAnyOrderEntriesOf(Map.of(201, 10L, 409, 190L));
    assertThat(answers)
        .filteredOn(answer -> answer.status() == 409)
        .allSatisfy(
            answer -> {
              assertThat(answer.body().path("reason").asText()).isEqualTo("OUT_OF_STOCK");
              assertThat(answer.body().path("failedStep").asText()).isEqualTo("stock-deduct");
            });
    assertThat(stack.stock(product)).isZero();
    long spent = 0;
    for (String user : users) {
      spent += 1_000 - stack.balance(user);
    }
    assertThat(spent).as("points of exactly the 10 sold orders").isEqualTo(10 * 100);
  }

  @Test
  void theSameIdempotencyKeyTwentyTimesAtOnceIsOneOrderAndOneCharge() throws Exception {
    String user = "twin-" + UUID.randomUUID();
    String product = "gadget-" + UUID.randomUUID();
    stack.givePoints(user, 10_000);
    stack.stockProduct(product, UNIT_PRICE, 100);
    String key = "checkout-" + UUID.randomUUID();

    List<Answer> answers =
        concurrently(
            Collections.nCopies(
                20,
                () ->
                    stack.placeOrder(
                        order(user, product, 2, 500), Map.of("Idempotency-Key", key))));

    assertThat(answers).extracting(Answer::status).containsOnly(201);
    assertThat(answers).extracting(Answer::body).containsOnly(answers.get(0).body());
    assertThat(stack.balance(user)).isEqualTo(10_000 - 500);
    assertThat(stack.stock(product)).isEqualTo(100 - 2);
    String orderId = answers.get(0).body().path("orderId").asText();
    assertThat(stack.payments(orderId).body()).hasSize(1);
  }

  @Test
  void hostileRequestsAreRefusedWith4xxAndWriteNothing() throws Exception {
    List<Hostile> corpus = HostileRequests.corpus();
    assertThat(corpus).hasSizeGreaterThanOrEqualTo(200);
    Map<String, Integer> before = rowCounts();

    List<String> wrong = new ArrayList<>();
    Map<Integer, Integer> statuses = new java.util.TreeMap<>();
    for (Hostile request : corpus) {
      HostileRequests.Target target = request.target();
      HttpRequest.Builder post =
          HttpRequest.newBuilder(URI.create(runSh.url(target.portVariable()) + target.path()))
              .timeout(Duration.ofSeconds(30))
              .header(HostileRequests.LRA_HEADER, HostileRequests.NO_LRA)
              .method(target.method(), HttpRequest.BodyPublishers.ofByteArray(request.body()));
      if (request.contentType() != null) {
        post.header("Content-Type", request.contentType());
      }
      HttpResponse<String> answer = http.send(post.build(), HttpResponse.BodyHandlers.ofString());
      statuses.merge(answer.statusCode(), 1, Integer::sum);
      String problem =
          request.status() != null && request.status() != answer.statusCode()
              ? "expected " + request.status()
              : contractProblem(answer);
      if (problem != null) {
        wrong.add(
            request.name()
                + " → "
                + answer.statusCode()
                + " "
                + abbreviate(answer.body())
                + ": "
                + problem);
      }
    }

    System.out.println("hostile requests: " + corpus.size() + ", answers by status " + statuses);
    assertThat(wrong).as("requests not refused per the contract").isEmpty();
    assertThat(rowCounts()).as("rows in every service").isEqualTo(before);
  }

  /**
   * Every participant's callback endpoints refuse a call without a token, with a made-up token, and
   * with a genuine token for another LRA; the completed order stays completed everywhere.
   */
  @Test
  void forgedCallbacksAreRefusedAndChangeNothing() throws Exception {
    String user = "victim-" + UUID.randomUUID();
    String product = "heirloom-" + UUID.randomUUID();
    stack.givePoints(user, 10_000);
    stack.stockProduct(product, UNIT_PRICE, 10);
    Answer first = stack.placeOrder(order(user, product, 1, 300), Map.of());
    Answer second = stack.placeOrder(order(user, product, 1, 300), Map.of());
    assertThat(first.status()).isEqualTo(201);
    assertThat(second.status()).isEqualTo(201);
    String target = first.body().path("lraId").asText();
    String other = second.body().path("lraId").asText();

    List<String> accepted = new ArrayList<>();
    for (Participant participant : Participant.ALL) {
      CallbackTokens tokens = new CallbackTokens("dev-only-callback-secret", participant.service());
      String otherToken = tokens.sign(other, participant.step(), participant.endpoints());
      for (String kind : List.of("compensate", "complete")) {
        expect(accepted, participant, kind, target, null, 401);
        expect(accepted, participant, kind, target, "forged-token", 403);
        expect(accepted, participant, kind, target, otherToken, 403);
      }
    }

    assertThat(accepted).as("forged callbacks not refused").isEmpty();
    assertThat(stack.order(first.body().path("orderId").asText()).body().path("status").asText())
        .isEqualTo("COMPLETED");
    assertThat(stack.balance(user)).isEqualTo(10_000 - 600);
    assertThat(stack.stock(product)).isEqualTo(8);
  }

  /** A participant's joined step, as its route registers it (service-stubs/*Routes). */
  private record Participant(
      String service, String portVariable, String step, CallbackTokens.Endpoints endpoints) {

    static final List<Participant> ALL =
        List.of(
            new Participant(
                "order-service",
                "ORDER_SERVICE_PORT",
                "order-create",
                new CallbackTokens.Endpoints("direct:order-cancel", "direct:order-finish")),
            new Participant(
                "payment-service",
                "PAYMENT_SERVICE_PORT",
                "payment-save",
                new CallbackTokens.Endpoints("direct:payment-cancel", "direct:payment-confirm")),
            new Participant(
                "point-service",
                "POINT_SERVICE_PORT",
                "point-deduct",
                new CallbackTokens.Endpoints("direct:point-refund", "direct:point-deduct-closed")),
            new Participant(
                "product-service",
                "PRODUCT_SERVICE_PORT",
                "stock-deduct",
                new CallbackTokens.Endpoints(
                    "direct:stock-restore", "direct:stock-deduct-closed")));
  }

  private void expect(
      List<String> accepted,
      Participant participant,
      String kind,
      String lra,
      String token,
      int status)
      throws Exception {
    String query =
        "Camel-Saga-Compensate="
            + encode(participant.endpoints().compensation())
            + "&Camel-Saga-Complete="
            + encode(participant.endpoints().completion())
            + "&step="
            + participant.step()
            + (token == null ? "" : "&token=" + encode(token));
    HttpResponse<String> answer =
        http.send(
            HttpRequest.newBuilder(
                    URI.create(
                        runSh.url(participant.portVariable())
                            + "/lra-participant/"
                            + kind
                            + "?"
                            + query))
                .header("Long-Running-Action", lra)
                .PUT(HttpRequest.BodyPublishers.noBody())
                .build(),
            HttpResponse.BodyHandlers.ofString());
    if (answer.statusCode() != status) {
      accepted.add(
          participant.service() + " " + kind + " token=" + token + " → " + answer.statusCode());
    }
  }

  /** Null when the answer is a refusal as design.md §3 words it; else what is wrong with it. */
  private String contractProblem(HttpResponse<String> answer) {
    int status = answer.statusCode();
    if (status < 400 || status >= 500) {
      return "not a 4xx";
    }
    JsonNode body;
    try {
      body = json.readTree(answer.body());
    } catch (Exception notJson) {
      return "body is not JSON";
    }
    if (status == 400 || status == 415) {
      boolean named =
          "VALIDATION_FAILED".equals(body.path("error").asText())
              && body.path("violations").isArray()
              && body.path("violations").size() > 0
              && body.path("violations").get(0).has("field");
      return named ? null : "no VALIDATION_FAILED body naming a field";
    }
    if (status == 409) {
      boolean refused =
          "CANCELLED".equals(body.path("status").asText())
              && body.hasNonNull("reason")
              && body.path("lraId").isNull();
      return refused ? null : "a 409 after a saga started, or not the contract's body";
    }
    return "unexpected status";
  }

  /** Rows each service holds, through the read APIs: unchanged means nothing was written. */
  private Map<String, Integer> rowCounts() throws Exception {
    Map<String, Integer> counts = new java.util.TreeMap<>();
    counts.put("saga view", getArray("ORCHESTRATOR_PORT", "/api/orders").size());
    counts.put("orders", getArray("ORDER_SERVICE_PORT", "/orders").size());
    counts.put("payments", getArray("PAYMENT_SERVICE_PORT", "/payments").size());
    counts.put("point accounts", getArray("POINT_SERVICE_PORT", "/points").size());
    counts.put("point movements", getArray("POINT_SERVICE_PORT", "/movements").size());
    counts.put("products", getArray("PRODUCT_SERVICE_PORT", "/products").size());
    counts.put("stock movements", getArray("PRODUCT_SERVICE_PORT", "/movements").size());
    counts.put("LRAs open", getArray("LRA_COORDINATOR_PORT", "/lra-coordinator").size());
    return counts;
  }

  private JsonNode getArray(String portVariable, String path) throws Exception {
    HttpResponse<String> answer =
        http.send(
            HttpRequest.newBuilder(URI.create(runSh.url(portVariable) + path)).GET().build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(answer.statusCode()).as(path).isEqualTo(200);
    return json.readTree(answer.body());
  }

  private static List<Answer> concurrently(List<Callable<Answer>> calls) throws Exception {
    ExecutorService clients = Executors.newFixedThreadPool(calls.size());
    try {
      List<Answer> answers = new ArrayList<>();
      for (Future<Answer> answer : clients.invokeAll(calls)) {
        answers.add(answer.get());
      }
      return answers;
    } finally {
      clients.shutdown();
    }
  }

  private static String order(String user, String product, int quantity, long points) {
    return "{\"userId\":\""
        + user
        + "\",\"items\":[{\"productId\":\""
        + product
        + "\",\"quantity\":"
        + quantity
        + "}],\"pointsToUse\":"
        + points
        + ",\"paymentMethod\":\"CARD\"}";
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  private static String abbreviate(String text) {
    return text.length() <= 120 ? text : text.substring(0, 120) + "…";
  }
}
