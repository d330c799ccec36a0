package com.example.ordersaga.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The console as an operator uses it, in a real browser: headless Chromium, driven by
 * playwright-core (system-tests/console), logs in to the orchestrator's Hawtio, connects to
 * point-service from the Connect tab, and watches {@code point-refund} count the compensation of an
 * order that failed. Needs Node.js and the Debian package chromium: skipped without them, unless
 * SAGA_REQUIRE_CONSOLE=true (CI), which makes their absence a failure.
 */
class ConsoleSystemIT {

  private static final Path CONSOLE =
      Path.of(System.getProperty("ordersaga.root", "..")).resolve("system-tests/console");
  private static final String REFUND_ROUTE =
      "org.apache.camel:context=point-service,type=routes,name=\"point-refund\"";
  private static final String LOGIN = "admin:admin"; // the dev default of the management login
  private static final long START_POINTS = 10_000;
  private static final long START_STOCK = 100;

  @TempDir static Path dataDir;
  private static RunScript runSh;
  private static StackClient stack;
  private static final HttpClient http = HttpClient.newHttpClient();
  private static final ObjectMapper json = new ObjectMapper();

  @BeforeAll
  static void startStackWithABrowserAtHand() throws Exception {
    RequiredTools.assumeOnPath(
        "SAGA_REQUIRE_CONSOLE", "apt-get install chromium", "node", "npm", "chromium");
    installPlaywright();
    runSh = new RunScript(dataDir);
    RunScript.Result started = runSh.run();
    assertThat(started.exitCode()).as(started.output()).isZero();
    stack = new StackClient(runSh);
  }

  @AfterAll
  static void stopStack() throws Exception {
    if (runSh != null) {
      runSh.run("stop");
    }
  }

  @Test
  void anOperatorWatchesTheCompensationRunInTheServiceThatDoesIt() throws Exception {
    String user = "operator-" + UUID.randomUUID();
    String product = "operator-" + UUID.randomUUID();
    stack.givePoints(user, START_POINTS);
    stack.stockProduct(product, 1_000, START_STOCK);
    String order =
        "{\"userId\":\""
            + user
            + "\",\"items\":[{\"productId\":\""
            + product
            + "\",\"quantity\":1}],\"pointsToUse\":100,\"paymentMethod\":\"CARD\"}";

    JsonNode seen = watchACompensation(order, "payment-save");

    JsonNode answer = seen.path("order");
    assertThat(answer.path("status").asInt()).as(seen.toString()).isEqualTo(409);
    assertThat(answer.path("body").path("failedStep").asText()).isEqualTo("payment-save");
    await().atMost(Duration.ofSeconds(60)).until(() -> stack.unfinishedLras() == 0);
    assertThat(stack.balance(user)).as("the points refunded").isEqualTo(START_POINTS);
    assertThat(stack.stock(product)).isEqualTo(START_STOCK);
    assertThat(seen.path("after").asLong())
        .as("the console's count moved by the one refund")
        .isEqualTo(seen.path("before").asLong() + 1);
    assertThat(completedRefunds())
        .as("what the console showed is the route's count")
        .isEqualTo(seen.path("after").asLong());
  }

  /** Runs the browser script; its last line is what it saw. */
  private static JsonNode watchACompensation(String order, String failure) throws Exception {
    Path screenshot = Path.of("target", "console-point-refund.png").toAbsolutePath();
    Files.createDirectories(screenshot.getParent());
    ProcessBuilder node =
        new ProcessBuilder("node", "watch-a-compensation.mjs")
            .directory(CONSOLE.toFile())
            .redirectErrorStream(true);
    node.environment()
        .putAll(
            Map.of(
                "CONSOLE_URL",
                runSh.url("ORCHESTRATOR_PORT"),
                "CONSOLE_USER",
                LOGIN.split(":")[0],
                "CONSOLE_PASSWORD",
                LOGIN.split(":")[1],
                "SERVICE",
                "point-service",
                "ROUTE",
                "point-refund",
                "ORDER_BODY",
                order,
                "SIMULATE_FAILURE",
                failure,
                "SCREENSHOT",
                screenshot.toString()));
    Process browser = node.start();
    String output = new String(browser.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(browser.waitFor(5, TimeUnit.MINUTES)).isTrue();
    assertThat(browser.exitValue()).as(output + "\n(screenshot: " + screenshot + ")").isZero();
    List<String> lines = output.strip().lines().toList();
    return json.readTree(lines.get(lines.size() - 1));
  }

  /** point-refund's completed exchanges, read over the service's Jolokia as Hawtio reads them. */
  private static long completedRefunds() throws Exception {
    String read =
        json.writeValueAsString(
            Map.of("type", "read", "mbean", REFUND_ROUTE, "attribute", "ExchangesCompleted"));
    HttpResponse<String> answer =
        http.send(
            HttpRequest.newBuilder(
                    URI.create(runSh.url("POINT_SERVICE_PORT") + "/actuator/jolokia"))
                .header(
                    "Authorization",
                    "Basic "
                        + Base64.getEncoder()
                            .encodeToString(LOGIN.getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(read))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
    return json.readTree(answer.body()).path("value").asLong();
  }

  /** playwright-core, as pinned by system-tests/console/package-lock.json. */
  private static void installPlaywright() throws IOException, InterruptedException {
    if (Files.isDirectory(CONSOLE.resolve("node_modules/playwright-core"))) {
      return;
    }
    Process npm =
        new ProcessBuilder("npm", "ci", "--no-audit", "--no-fund")
            .directory(CONSOLE.toFile())
            .redirectErrorStream(true)
            .start();
    String output = new String(npm.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(npm.waitFor(5, TimeUnit.MINUTES)).isTrue();
    assertThat(npm.exitValue()).as(output).isZero();
  }
}
