package com.example.ordersaga.routes.saga;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.example.ordersaga.common.lra.CoordinatorToken;
import com.sun.net.httpserver.HttpServer;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
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

  @Test
  void startsTakeTheCoordinatorsInTurnAndEachLraStaysWithItsOwn() throws Exception {
    HttpServer second = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    CopyOnWriteArrayList<String> atSecond = new CopyOnWriteArrayList<>();
    second.createContext(
        "/lra-coordinator",
        exchange -> {
          atSecond.add(exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath());
          boolean start = exchange.getRequestURI().getPath().endsWith("/start");
          String id = "http://127.0.0.1:" + second.getAddress().getPort() + "/lra-coordinator/0_2";
          byte[] answer = (start ? id : "Closed").getBytes(StandardCharsets.UTF_8);
          if (start) {
            exchange.getResponseHeaders().add("Location", id);
          }
          exchange.sendResponseHeaders(start ? 201 : 200, answer.length);
          exchange.getResponseBody().write(answer);
          exchange.close();
        });
    second.start();
    try (LRAClient client =
        service(CoordinatorToken.of("", false), url(coordinator), url(second)).createLRAClient()) {
      URL first = client.newLRA(new DefaultExchange(camel)).get(10, TimeUnit.SECONDS);
      URL next = client.newLRA(new DefaultExchange(camel)).get(10, TimeUnit.SECONDS);
      client.complete(next, new DefaultExchange(camel)).get(10, TimeUnit.SECONDS);
      client.complete(first, new DefaultExchange(camel)).get(10, TimeUnit.SECONDS);

      assertThat(first.getPath()).isEqualTo("/lra-coordinator/0_1");
      assertThat(next.getPath()).isEqualTo("/lra-coordinator/0_2");
      assertThat(requests)
          .containsExactly(
              "POST /lra-coordinator/start?TimeLimit=30000&ClientID=orchestrator",
              "PUT /lra-coordinator/0_1/close");
      assertThat(atSecond)
          .containsExactly("POST /lra-coordinator/start", "PUT /lra-coordinator/0_2/close");
    } finally {
      second.stop(0);
    }
  }

  @Test
  void aStartThatCannotReachACoordinatorIsMadeAtTheNextWhichThenGoesFirst() throws Exception {
    String dead;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      dead = "http://127.0.0.1:" + socket.getLocalPort() + "/lra-coordinator";
    }
    try (LRAClient client =
        service(CoordinatorToken.of("", false), dead, url(coordinator)).createLRAClient()) {
      for (int i = 0; i < 3; i++) {
        URL lra = client.newLRA(new DefaultExchange(camel)).get(10, TimeUnit.SECONDS);
        assertThat(lra.getPath()).isEqualTo("/lra-coordinator/0_1");
      }
      assertThat(requests).as("every start at the live coordinator").hasSize(3);
    }
  }

  @Test
  void withEveryCoordinatorUnreachableTheStartFails() throws Exception {
    String dead;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      dead = "http://127.0.0.1:" + socket.getLocalPort() + "/lra-coordinator";
    }
    try (LRAClient client = service(CoordinatorToken.of("", false), dead).createLRAClient()) {
      assertThatThrownBy(() -> client.newLRA(new DefaultExchange(camel)).get(10, TimeUnit.SECONDS))
          .cause()
          .isInstanceOf(ConnectException.class);
    }
  }

  private static String url(HttpServer server) {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/lra-coordinator";
  }

  private TimeLimitedLraSagaService service(CoordinatorToken token, String... coordinators) {
    TimeLimitedLraSagaService service =
        new TimeLimitedLraSagaService(
            Duration.ofSeconds(30),
            "orchestrator",
            token,
            new CoordinatorRoster(List.of(coordinators), Duration.ofSeconds(5), Clock.systemUTC()));
    service.setCoordinatorUrl(coordinators[0].replace("/lra-coordinator", ""));
    service.setCoordinatorContextPath("/lra-coordinator");
    service.setLocalParticipantUrl("http://127.0.0.1:8080");
    service.setLocalParticipantContextPath("/lra-participant");
    return service;
  }

  private TimeLimitedLraSagaService service(CoordinatorToken token) {
    String coordinatorUrl = "http://127.0.0.1:" + coordinator.getAddress().getPort();
    TimeLimitedLraSagaService service =
        new TimeLimitedLraSagaService(
            Duration.ofSeconds(30),
            "orchestrator",
            token,
            new CoordinatorRoster(
                List.of(coordinatorUrl + "/lra-coordinator"),
                Duration.ofSeconds(5),
                Clock.systemUTC()));
    service.setCoordinatorUrl(coordinatorUrl);
    service.setCoordinatorContextPath("/lra-coordinator");
    service.setLocalParticipantUrl("http://127.0.0.1:8080");
    service.setLocalParticipantContextPath("/lra-participant");
    return service;
  }
}
