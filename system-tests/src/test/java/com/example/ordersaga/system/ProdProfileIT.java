package com.example.ordersaga.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged deployables under profile {@code prod}: the fixtures and fault injection are gone,
 * Hawtio and Jolokia take only the configured password, and the orchestrator refuses to start
 * without one; no deployable starts without the coordinator's token. (No coordinator or broker is
 * needed for that; none is started.)
 */
class ProdProfileIT {

  private static final String SECRET = "prod-callback-secret-for-the-test";
  private static final String PASSWORD = "prod-console-password";
  private static final String COORDINATOR_TOKEN = "prod-coordinator-token";
  private static final Path ROOT =
      Path.of(System.getProperty("ordersaga.root", "..")).toAbsolutePath();

  @TempDir static Path dataDir;
  private static final List<Process> started = new ArrayList<>();
  private static final Map<String, Integer> ports = new HashMap<>();
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  @BeforeAll
  static void startInProd() throws Exception {
    List<Integer> free = RunScript.distinctFreePorts(7);
    ports.put("POINT_SERVICE_PORT", free.get(0));
    ports.put("PRODUCT_SERVICE_PORT", free.get(1));
    ports.put("COMPLETION_API_PORT", free.get(2));
    ports.put("ORCHESTRATOR_PORT", free.get(3));
    Map<String, String> env = prodEnvironment(free.get(4), free.get(5));
    started.add(launch("service-stubs/point-service/target/point-service.jar", env));
    started.add(launch("service-stubs/product-service/target/product-service.jar", env));
    started.add(launch("service-stubs/completion-api/target/completion-api.jar", env));
    started.add(launch("routes/target/routes.jar", env));
    for (String port :
        List.of(
            "POINT_SERVICE_PORT",
            "PRODUCT_SERVICE_PORT",
            "COMPLETION_API_PORT",
            "ORCHESTRATOR_PORT")) {
      awaitReady(ports.get(port));
    }
  }

  @AfterAll
  static void stop() {
    started.forEach(Process::destroy);
  }

  @Test
  void fixturesAndFaultInjectionAreOff() throws Exception {
    assertThat(put("POINT_SERVICE_PORT", "/admin/points/user-1", "{\"balance\":1}").statusCode())
        .isEqualTo(404);
    assertThat(
            put(
                    "PRODUCT_SERVICE_PORT",
                    "/admin/products/p",
                    "{\"name\":\"p\",\"price\":1,\"stock\":1}")
                .statusCode())
        .isEqualTo(404);
    assertThat(put("COMPLETION_API_PORT", "/admin/behaviour", "{\"failNext\":1}").statusCode())
        .isEqualTo(404);
    assertThat(get("POINT_SERVICE_PORT", "/points/user-1", null).statusCode())
        .as("the read side stays")
        .isEqualTo(200);
  }

  @Test
  void theMetricsTakeTheManagementLogin() throws Exception {
    for (String service : List.of("POINT_SERVICE_PORT", "ORCHESTRATOR_PORT")) {
      assertThat(get(service, "/actuator/prometheus", null).statusCode())
          .as(service)
          .isEqualTo(401);
      assertThat(get(service, "/actuator/prometheus", "admin:admin").statusCode())
          .as(service + ", the dev password")
          .isEqualTo(401);
      HttpResponse<String> scraped = get(service, "/actuator/prometheus", "admin:" + PASSWORD);
      assertThat(scraped.statusCode()).as(service).isEqualTo(200);
      assertThat(scraped.body()).as(service).contains("jvm_memory_used_bytes");
    }
  }

  @Test
  void theConsoleAndJolokiaTakeOnlyTheConfiguredPassword() throws Exception {
    assertThat(get("ORCHESTRATOR_PORT", "/actuator/jolokia/version", null).statusCode())
        .isEqualTo(401);
    assertThat(get("ORCHESTRATOR_PORT", "/actuator/hawtio/", null).statusCode()).isEqualTo(401);
    assertThat(get("ORCHESTRATOR_PORT", "/actuator/jolokia/version", "admin:admin").statusCode())
        .as("the dev password")
        .isEqualTo(401);
    assertThat(
            get("ORCHESTRATOR_PORT", "/actuator/jolokia/version", "admin:" + PASSWORD).statusCode())
        .isEqualTo(200);
    assertThat(get("ORCHESTRATOR_PORT", "/actuator/health/readiness", null).statusCode())
        .isEqualTo(200);
  }

  @Test
  void theOrchestratorRefusesToStartWithoutAConsolePassword() throws Exception {
    List<Integer> free = RunScript.distinctFreePorts(3);
    Map<String, String> env = prodEnvironment(free.get(1), free.get(2));
    env.put("ORCHESTRATOR_PORT", String.valueOf(free.get(0)));
    env.remove("HAWTIO_PASSWORD");
    Process orchestrator = launch("routes/target/routes.jar", env);
    assertThat(orchestrator.waitFor(3, TimeUnit.MINUTES)).isTrue();
    assertThat(orchestrator.exitValue()).isNotZero();
  }

  /** A participant would call the coordinator without a credential, which it refuses in prod. */
  @Test
  void aServiceRefusesToStartWithoutACoordinatorToken() throws Exception {
    List<Integer> free = RunScript.distinctFreePorts(3);
    Map<String, String> env = prodEnvironment(free.get(1), free.get(2));
    env.remove("LRA_COORDINATOR_TOKEN");
    env.put("POINT_SERVICE_PORT", String.valueOf(free.get(0)));
    Process pointService = launch("service-stubs/point-service/target/point-service.jar", env);
    assertThat(pointService.waitFor(3, TimeUnit.MINUTES)).isTrue();
    assertThat(pointService.exitValue()).isNotZero();
  }

  private static Map<String, String> prodEnvironment(int deadKafka, int deadCoordinator) {
    Map<String, String> env = new HashMap<>();
    ports.forEach((name, port) -> env.put(name, String.valueOf(port)));
    env.put("SPRING_PROFILES_ACTIVE", "prod");
    env.put("SAGA_CALLBACK_SECRET", SECRET);
    env.put("LRA_COORDINATOR_TOKEN", COORDINATOR_TOKEN);
    env.put("HAWTIO_PASSWORD", PASSWORD);
    env.put("TRACING_ENABLED", "false"); // no Zipkin here
    env.put("SAGA_DATA_DIR", dataDir.toString());
    env.put("KAFKA_BOOTSTRAP_SERVERS", "localhost:" + deadKafka);
    env.put("LRA_COORDINATOR_URL", "http://localhost:" + deadCoordinator);
    return env;
  }

  private static Process launch(String jar, Map<String, String> env) throws IOException {
    String name = Path.of(jar).getFileName().toString().replace(".jar", "");
    Path log = dataDir.resolve(name + "-" + System.nanoTime() + ".log");
    ProcessBuilder builder =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m",
                "-jar",
                ROOT.resolve(jar).toString())
            .directory(dataDir.toFile())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile());
    builder.environment().putAll(env);
    return builder.start();
  }

  private static void awaitReady(int port) {
    HttpClient client = HttpClient.newHttpClient();
    await()
        .atMost(Duration.ofMinutes(3))
        .pollInterval(Duration.ofSeconds(1))
        .ignoreExceptions()
        .until(
            () ->
                client
                        .send(
                            HttpRequest.newBuilder(
                                    URI.create(
                                        "http://localhost:" + port + "/actuator/health/readiness"))
                                .build(),
                            HttpResponse.BodyHandlers.discarding())
                        .statusCode()
                    == 200);
  }

  private HttpResponse<String> get(String port, String path, String credentials) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("http://localhost:" + ports.get(port) + path)).GET();
    if (credentials != null) {
      request.header(
          "Authorization",
          "Basic "
              + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> put(String port, String path, String body) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create("http://localhost:" + ports.get(port) + path))
            .header("Content-Type", "application/json")
            .PUT(HttpRequest.BodyPublishers.ofString(body))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
