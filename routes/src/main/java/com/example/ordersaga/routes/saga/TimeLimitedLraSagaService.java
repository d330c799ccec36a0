package com.example.ordersaga.routes.saga;

import com.example.ordersaga.common.lra.AuthorizedLraSagaService;
import com.example.ordersaga.common.lra.CoordinatorToken;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.apache.camel.Exchange;
import org.apache.camel.RuntimeCamelException;
import org.apache.camel.service.lra.LRAClient;

/**
 * camel-lra starts an LRA with no time limit and gives the limit only to each join. If the
 * orchestrator dies between the start and its first join, nobody would ever end that LRA: it would
 * stay Active at the coordinator for good. Starting it with the saga's time limit lets the
 * coordinator cancel it (and compensate whatever joined) on its own, as the design says.
 */
public class TimeLimitedLraSagaService extends AuthorizedLraSagaService {

  private static final String START = "/start";

  private final Duration timeLimit;
  private final String clientId;

  public TimeLimitedLraSagaService(Duration timeLimit, String clientId, CoordinatorToken token) {
    super(token);
    this.timeLimit = timeLimit;
    this.clientId = clientId;
  }

  @Override
  protected LRAClient createLRAClient() {
    return new AuthorizedClient(HttpClient.newHttpClient()) {
      @Override
      protected HttpRequest.Builder prepareRequest(URI uri, Exchange exchange) {
        return super.prepareRequest(withTimeLimitIfStart(uri), exchange);
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
