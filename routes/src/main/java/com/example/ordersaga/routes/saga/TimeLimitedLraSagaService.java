package com.example.ordersaga.routes.saga;

import com.example.ordersaga.common.lra.AuthorizedLraSagaService;
import com.example.ordersaga.common.lra.CoordinatorToken;
import java.net.ConnectException;
import java.net.MalformedURLException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import org.apache.camel.Exchange;
import org.apache.camel.RuntimeCamelException;
import org.apache.camel.service.lra.LRAClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * camel-lra starts an LRA with no time limit and gives the limit only to each join. If the
 * orchestrator dies between the start and its first join, nobody would ever end that LRA: it would
 * stay Active at the coordinator for good. Starting it with the saga's time limit lets the
 * coordinator cancel it (and compensate whatever joined) on its own, as the design says.
 *
 * <p>With several coordinators ({@link CoordinatorRoster}) the starts go to each in turn, and a
 * start that cannot reach one (refused, or no connection within {@link #CONNECT_TIMEOUT}) is made
 * at the next: a dead coordinator costs a new saga one refused connection, not its start.
 */
public class TimeLimitedLraSagaService extends AuthorizedLraSagaService {

  private static final Logger log = LoggerFactory.getLogger(TimeLimitedLraSagaService.class);
  private static final String START = "/start";

  /**
   * A dead coordinator refuses at once; this bounds a hung one. Not shorter: on a machine starved
   * of CPU (a replica starting beside sixteen busy JVMs) 1 s failed closes and starts.
   */
  static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);

  private final Duration timeLimit;
  private final String clientId;
  private final CoordinatorRoster coordinators;

  public TimeLimitedLraSagaService(
      Duration timeLimit, String clientId, CoordinatorToken token, CoordinatorRoster coordinators) {
    super(token);
    this.timeLimit = timeLimit;
    this.clientId = clientId;
    this.coordinators = coordinators;
  }

  @Override
  protected LRAClient createLRAClient() {
    return new AuthorizedClient(HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT).build()) {
      @Override
      protected HttpRequest.Builder prepareRequest(URI uri, Exchange exchange) {
        return super.prepareRequest(withTimeLimitIfStart(uri), exchange);
      }

      @Override
      public CompletableFuture<URL> newLRA(Exchange exchange) {
        return startAt(coordinators.nextStart(), 0, exchange);
      }

      private CompletableFuture<URL> startAt(List<String> order, int tried, Exchange exchange) {
        String coordinator = order.get(tried);
        HttpRequest start =
            prepareRequest(URI.create(coordinator + START), exchange)
                .POST(HttpRequest.BodyPublishers.ofString(""))
                .build();
        return http.sendAsync(start, HttpResponse.BodyHandlers.ofString())
            .handle(
                (response, failure) -> {
                  if (failure == null) {
                    coordinators.reached(coordinator);
                    return CompletableFuture.completedFuture(started(coordinator, response));
                  }
                  if (!unreachable(failure)) {
                    return CompletableFuture.<URL>failedFuture(failure);
                  }
                  coordinators.unreachable(coordinator);
                  if (tried + 1 == order.size()) {
                    return CompletableFuture.<URL>failedFuture(failure);
                  }
                  log.warn(
                      "LRA coordinator {} unreachable ({}): starting the saga at {}",
                      coordinator,
                      failure.getCause() == null ? failure : failure.getCause(),
                      order.get(tried + 1));
                  return startAt(order, tried + 1, exchange);
                })
            .thenCompose(Function.identity());
      }

      /**
       * A close that reaches the coordinator after the time limit is turned into a cancel and still
       * answered 200, with the LRA's status ("Cancelled") as the body; camel-lra looks at the
       * status code only and would report the saga completed. Only Closed/Closing is.
       */
      @Override
      public CompletableFuture<Void> complete(URL lra, Exchange exchange) {
        HttpRequest close =
            prepareRequest(URI.create(lra + "/close"), exchange)
                .setHeader("Content-Type", "text/plain")
                .PUT(HttpRequest.BodyPublishers.ofString(""))
                .build();
        return http.sendAsync(close, HttpResponse.BodyHandlers.ofString())
            .thenApply(response -> closed(lra, response));
      }
    };
  }

  /** The new LRA's id, as camel-lra reads it: its Location, else its header, else the body. */
  static URL started(String coordinator, HttpResponse<String> response) {
    if (response.statusCode() != 201) {
      throw new RuntimeCamelException(
          "LRA coordinator "
              + coordinator
              + " refused to start an LRA: HTTP "
              + response.statusCode()
              + " "
              + response.body());
    }
    String id =
        response
            .headers()
            .firstValue("Location")
            .or(() -> response.headers().firstValue(Exchange.SAGA_LONG_RUNNING_ACTION))
            .orElse(response.body());
    try {
      return URI.create(id.trim()).toURL();
    } catch (MalformedURLException | IllegalArgumentException e) {
      throw new RuntimeCamelException("LRA coordinator " + coordinator + " answered no LRA id", e);
    }
  }

  /** No connection was made: the coordinator never saw the start. */
  static boolean unreachable(Throwable failure) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof ConnectException || cause instanceof HttpConnectTimeoutException) {
        return true;
      }
    }
    return false;
  }

  static Void closed(URL lra, HttpResponse<String> response) {
    String outcome = String.valueOf(response.body());
    if (response.statusCode() != 200) {
      throw new RuntimeCamelException(
          "Cannot complete LRA " + lra + ": HTTP " + response.statusCode() + " " + outcome);
    }
    if (!outcome.contains("Clos")) {
      throw new RuntimeCamelException("LRA " + lra + " was not closed but " + outcome);
    }
    return null;
  }

  URI withTimeLimitIfStart(URI uri) {
    if (!uri.getPath().endsWith(START) || uri.getRawQuery() != null) {
      return uri;
    }
    return URI.create(uri + "?TimeLimit=" + timeLimit.toMillis() + "&ClientID=" + clientId);
  }
}
