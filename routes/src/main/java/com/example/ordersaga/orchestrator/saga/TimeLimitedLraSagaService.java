package com.example.ordersaga.orchestrator.saga;

import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import org.apache.camel.Exchange;
import org.apache.camel.service.lra.LRAClient;
import org.apache.camel.service.lra.LRASagaService;

/**
 * camel-lra starts an LRA with no time limit and gives the limit only to each join. If the
 * orchestrator dies between the start and its first join, nobody would ever end that LRA: it would
 * stay Active at the coordinator for good. Starting it with the saga's time limit lets the
 * coordinator cancel it (and compensate whatever joined) on its own, as the design says.
 */
public class TimeLimitedLraSagaService extends LRASagaService {

  private static final String START = "/start";

  private final Duration timeLimit;
  private final String clientId;

  public TimeLimitedLraSagaService(Duration timeLimit, String clientId) {
    this.timeLimit = timeLimit;
    this.clientId = clientId;
  }

  @Override
  protected LRAClient createLRAClient() {
    return new LRAClient(this) {
      @Override
      protected HttpRequest.Builder prepareRequest(URI uri, Exchange exchange) {
        return super.prepareRequest(withTimeLimitIfStart(uri), exchange);
      }
    };
  }

  URI withTimeLimitIfStart(URI uri) {
    if (!uri.getPath().endsWith(START) || uri.getRawQuery() != null) {
      return uri;
    }
    return URI.create(uri + "?TimeLimit=" + timeLimit.toMillis() + "&ClientID=" + clientId);
  }
}
