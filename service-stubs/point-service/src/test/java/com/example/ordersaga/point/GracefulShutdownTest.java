package com.example.ordersaga.point;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * SIGTERM behind a load balancer (context close, as the JVM's shutdown hook does it): the service
 * first reports not-ready while it still serves, for {@code ordersaga.shutdown.drain}, so the
 * balancer's checks take it out before it stops taking requests.
 */
class GracefulShutdownTest {

  private final HttpClient http = HttpClient.newHttpClient();

  @Test
  void reportsNotReadyFirstAndServesOnForTheDrain() throws Exception {
    ConfigurableApplicationContext service =
        new SpringApplicationBuilder(PointServiceApplication.class)
            .run(
                "--server.port=0",
                "--camel.lra.coordinator-url=http://localhost:1",
                "--spring.datasource.url=" + PointFixtures.h2Url("point-graceful-shutdown"),
                "--ordersaga.shutdown.drain=3s");
    int port = ((WebServerApplicationContext) service).getWebServer().getPort();
    assertThat(status(port, "/actuator/health/readiness")).isEqualTo(200);

    CompletableFuture<Void> stopping = CompletableFuture.runAsync(service::close);

    await()
        .atMost(Duration.ofSeconds(2))
        .until(() -> status(port, "/actuator/health/readiness") == 503);
    assertThat(status(port, "/points/anyone"))
        .as("still serving while the balancer takes it out")
        .isEqualTo(404);
    assertThat(stopping).as("still draining").isNotDone();
    stopping.get();
    assertThat(refused(port)).as("stopped").isTrue();
  }

  private int status(int port, String path) throws Exception {
    return http.send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
            HttpResponse.BodyHandlers.discarding())
        .statusCode();
  }

  private boolean refused(int port) throws Exception {
    try {
      status(port, "/actuator/health/readiness");
      return false;
    } catch (ConnectException refused) {
      return true;
    }
  }
}
