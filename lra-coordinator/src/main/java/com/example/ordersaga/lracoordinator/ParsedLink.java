package com.example.ordersaga.lracoordinator;

import jakarta.ws.rs.core.Link;
import jakarta.ws.rs.core.UriBuilder;
import java.net.URI;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jboss.resteasy.plugins.delegates.LinkDelegate;

/** A link as {@link ParsedLinks} read it: its URI and its parameters, nothing built. */
final class ParsedLink extends Link {

  private final URI uri;
  private final Map<String, String> params;

  ParsedLink(URI uri, Map<String, String> params) {
    this.uri = uri;
    this.params = Collections.unmodifiableMap(params);
  }

  @Override
  public URI getUri() {
    return uri;
  }

  @Override
  public UriBuilder getUriBuilder() {
    return UriBuilder.fromUri(uri);
  }

  @Override
  public String getRel() {
    return params.get(REL);
  }

  @Override
  public List<String> getRels() {
    String rel = getRel();
    return rel == null ? List.of() : Arrays.asList(rel.trim().split("\\s+"));
  }

  @Override
  public String getTitle() {
    return params.get(TITLE);
  }

  @Override
  public String getType() {
    return params.get(TYPE);
  }

  @Override
  public Map<String, String> getParams() {
    return params;
  }

  @Override
  public String toString() {
    return LinkDelegate.INSTANCE.toString(this);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Link link
        && uri.equals(link.getUri())
        && params.equals(link.getParams());
  }

  @Override
  public int hashCode() {
    return Objects.hash(uri, params);
  }
}
