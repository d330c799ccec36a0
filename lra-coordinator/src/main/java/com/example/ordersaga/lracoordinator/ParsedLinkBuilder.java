package com.example.ordersaga.lracoordinator;

import jakarta.ws.rs.core.Link;
import jakarta.ws.rs.core.UriBuilder;
import java.net.URI;
import org.jboss.resteasy.specimpl.LinkBuilderImpl;

/**
 * RESTEasy's link builder, but {@code link(String)} then {@code build()} (what {@code Link.valueOf}
 * does) answers the {@link ParsedLink} that {@link ParsedLinks} read in one pass. Every other use
 * (a link built from parts, or changed after it was read) is RESTEasy's own.
 */
final class ParsedLinkBuilder extends LinkBuilderImpl {

  /** What link(String) read, while nothing has changed it since: not yet the builder's state. */
  private ParsedLink parsed;

  @Override
  public Link.Builder link(String link) {
    ParsedLink read = fresh() ? ParsedLinks.parse(link) : null;
    if (read == null) {
      adoptParsed();
      return super.link(link);
    }
    parsed = read;
    return this;
  }

  @Override
  public Link build(Object... values) {
    if (parsed != null && values.length == 0) {
      return parsed;
    }
    adoptParsed();
    return super.build(values);
  }

  @Override
  public Link buildRelativized(URI uri, Object... values) {
    adoptParsed();
    return super.buildRelativized(uri, values);
  }

  private boolean fresh() {
    return parsed == null && uriBuilder == null && baseUri == null && map.isEmpty();
  }

  /** The read link as RESTEasy's builder state: its URI as is (no template parsing), its params. */
  private void adoptParsed() {
    if (parsed != null) {
      ParsedLink read = parsed;
      parsed = null;
      super.uri(read.getUri());
      map.putAll(read.getParams());
    }
  }

  @Override
  public Link.Builder link(Link link) {
    adoptParsed();
    return super.link(link);
  }

  @Override
  public Link.Builder uriBuilder(UriBuilder uriBuilder) {
    adoptParsed();
    return super.uriBuilder(uriBuilder);
  }

  @Override
  public Link.Builder uri(URI uri) {
    adoptParsed();
    return super.uri(uri);
  }

  @Override
  public Link.Builder uri(String uri) {
    adoptParsed();
    return super.uri(uri);
  }

  @Override
  public Link.Builder rel(String rel) {
    adoptParsed();
    return super.rel(rel);
  }

  @Override
  public Link.Builder title(String title) {
    adoptParsed();
    return super.title(title);
  }

  @Override
  public Link.Builder type(String type) {
    adoptParsed();
    return super.type(type);
  }

  @Override
  public Link.Builder param(String name, String value) {
    adoptParsed();
    return super.param(name, value);
  }

  @Override
  public Link.Builder baseUri(URI uri) {
    adoptParsed();
    return super.baseUri(uri);
  }

  @Override
  public Link.Builder baseUri(String uri) {
    adoptParsed();
    return super.baseUri(uri);
  }
}
