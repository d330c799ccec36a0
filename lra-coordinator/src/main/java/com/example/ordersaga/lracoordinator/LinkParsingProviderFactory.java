package com.example.ordersaga.lracoordinator;

import jakarta.ws.rs.core.Link;
import org.jboss.resteasy.core.providerfactory.ResteasyProviderFactoryImpl;

/**
 * The coordinator's RESTEasy provider factory, the one its deployment makes global: RESTEasy's,
 * with the one-pass link parser behind {@code Link.valueOf} ({@link ParsedLinkBuilder}).
 */
final class LinkParsingProviderFactory extends ResteasyProviderFactoryImpl {

  @Override
  public Link.Builder createLinkBuilder() {
    return new ParsedLinkBuilder();
  }
}
