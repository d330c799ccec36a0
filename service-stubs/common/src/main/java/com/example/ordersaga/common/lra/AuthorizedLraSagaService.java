package com.example.ordersaga.common.lra;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import org.apache.camel.Exchange;
import org.apache.camel.service.lra.LRAClient;
import org.apache.camel.service.lra.LRASagaService;
import org.apache.camel.service.lra.springboot.LraServiceConfiguration;

/**
 * camel-lra's saga service whose every call to the coordinator carries the {@link
 * CoordinatorToken}. camel-lra builds all of them (start, join, close, cancel) through {@link
 * LRAClient#prepareRequest}, so that is the one place the header is added.
 */
public class AuthorizedLraSagaService extends LRASagaService {

  private final CoordinatorToken token;

  public AuthorizedLraSagaService(CoordinatorToken token) {
    this.token = token;
  }

  /** The {@code camel.lra.*} settings, as camel-lra's own auto-configuration applies them. */
  public AuthorizedLraSagaService configuredBy(LraServiceConfiguration lra) {
    setCoordinatorUrl(lra.getCoordinatorUrl());
    setCoordinatorContextPath(lra.getCoordinatorContextPath());
    setLocalParticipantUrl(lra.getLocalParticipantUrl());
    setLocalParticipantContextPath(lra.getLocalParticipantContextPath());
    return this;
  }

  @Override
  protected LRAClient createLRAClient() {
    return new AuthorizedClient(HttpClient.newHttpClient());
  }

  /** The client subclasses extend (to change a request, or an answer's reading). */
  protected class AuthorizedClient extends LRAClient {

    protected final HttpClient http;

    protected AuthorizedClient(HttpClient http) {
      super(AuthorizedLraSagaService.this, http);
      this.http = http;
    }

    @Override
    protected HttpRequest.Builder prepareRequest(URI uri, Exchange exchange) {
      return token.authorize(super.prepareRequest(uri, exchange));
    }
  }
}
