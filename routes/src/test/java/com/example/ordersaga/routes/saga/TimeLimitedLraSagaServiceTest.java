package com.example.ordersaga.routes.saga;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.example.ordersaga.common.lra.CoordinatorToken;
import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.service.lra.LRAClient;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The LRA is started with the saga's time limit, so the coordinator can end an orphan; every call
 * carries the coordinator's token.
 */
class TimeLimitedLraSagaServiceTest {

  private final CopyOnWriteArrayList<String> requests = new CopyOnWriteArrayList<>();
  private final CopyOnWriteArrayList<String> authorizations = new CopyOnWriteArrayList<>();
  private HttpServer coordinator;
  private CamelContext camel;
  private volatile String closeAnswer = "Closed";

  @BeforeEach
  void startFakeCoordinator() throws Exception {
    coordinator = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    coordinator.createContext(
        "/lra-coordinator",
        exchange -> {
          requests.add(exchange.getRequestMethod() + " " + exchange.getRequestURI());
          authorizations.add(
              String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")));
          String path = exchange.getRequestURI().getPath();
          byte[] answer =
              (path.endsWith("/close")
                      ? closeAnswer
                      : "http://127.0.0.1:"
                          + coordinator.getAddress().getPort()
                          + "/lra-coordinator/0_1")
                  .getBytes(StandardCharsets.UTF_8);
          exchange.sendResponseHeaders(path.endsWith("/start") ? 201 : 200, answer.length);
          exchange.getResponseBody().write(answer);
          exchange.close();
        });
    coordinator.start();
    camel = new DefaultCamelContext();
    camel.start();
  }

  @AfterEach
  void stop() {
    camel.stop();
    coordinator.stop(0);
  }

  @Test
  void theLraIsStartedWithTheSagasTimeLimitAndClientId() throws Exception {
    try (LRAClient client = service(CoordinatorToken.of("", false)).createLRAClient()) {
      URL lra = client.newLRA(new DefaultExchange(camel)).get(10, TimeUnit.SECONDS);

      assertThat(lra.getPath()).isEqualTo("/lra-coordinator/0_1");
      assertThat(requests)
          .containsExactly("POST /lra-coordinator/start?TimeLimit=30000&ClientID=orchestrator");
      assertThat(authorizations).as("no token, no header").containsExactly("null");
    }
  }

  @Test
  void everyCallCarriesTheCoordinatorToken() throws Exception {
    try (LRAClient client = service(CoordinatorToken.of("t0k3n", true)).createLRAClient()) {
      URL lra = client.newLRA(new DefaultExchange(camel)).get(10, TimeUnit.SECONDS);
      client.complete(lra, new DefaultExchange(camel)).get(10, TimeUnit.SECONDS);
      client.compensate(lra, new DefaultExchange(camel)).get(10, TimeUnit.SECONDS);

      assertThat(requests).hasSize(3);
      assertThat(authorizations).containsOnly("Bearer t0k3n").hasSize(3);
    }
  }

  @Test
  void aCloseTheCoordinatorTurnedIntoACancelIsNoCompletion() throws Exception {
    TimeLimitedLraSagaService service = service(CoordinatorToken.of(null, false));
    try (LRAClient client = service.createLRAClient()) {
      URL lra = client.newLRA(new DefaultExchange(camel)).get(10, TimeUnit.SECONDS);

      client.complete(lra, new DefaultExchange(camel)).get(10, TimeUnit.SECONDS);
      closeAnswer = "Cancelled";

      assertThatThrownBy(
              () -> client.complete(lra, new DefaultExchange(camel)).get(10, TimeUnit.SECONDS))
          .hasMessageContaining("was not closed but Cancelled");
    }
  }

  private TimeLimitedLraSagaService service(CoordinatorToken token) {
    TimeLimitedLraSagaService service =
        new TimeLimitedLraSagaService(Duration.ofSeconds(30), "orchestrator", token);
    service.setCoordinatorUrl("http://127.0.0.1:" + coordinator.getAddress().getPort());
    service.setCoordinatorContextPath("/lra-coordinator");
    service.setLocalParticipantUrl("http://127.0.0.1:8080");
    service.setLocalParticipantContextPath("/lra-participant");
    return service;
  }
}
