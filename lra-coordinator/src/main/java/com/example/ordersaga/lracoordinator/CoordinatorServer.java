package com.example.ordersaga.lracoordinator;

import io.undertow.Handlers;
import io.undertow.Undertow;
import io.undertow.server.handlers.GracefulShutdownHandler;
import io.undertow.servlet.Servlets;
import io.undertow.servlet.api.DeploymentInfo;
import io.undertow.servlet.api.DeploymentManager;
import jakarta.servlet.ServletException;
import java.net.InetSocketAddress;
import org.jboss.resteasy.core.ResteasyDeploymentImpl;
import org.jboss.resteasy.plugins.server.undertow.UndertowJaxrsServer;
import org.jboss.resteasy.spi.ResteasyDeployment;

/** Undertow serving {@link CoordinatorApplication}, with a graceful (draining) shutdown. */
final class CoordinatorServer {

  private final CoordinatorSettings settings;
  private final CoordinatorMetrics metrics;
  private DeploymentManager deployment;
  private ResteasyDeployment resteasy;
  private GracefulShutdownHandler gracefulHandler;
  private Undertow undertow;

  CoordinatorServer(CoordinatorSettings settings, CoordinatorMetrics metrics) {
    this.settings = settings;
    this.metrics = metrics;
  }

  /** Starts listening and returns the bound port (useful when the configured port is 0). */
  int start() throws ServletException {
    resteasy = new ResteasyDeploymentImpl();
    resteasy.setApplication(new CoordinatorApplication(settings.token(), metrics));
    // Started here, not by the servlet, with a provider factory of ours: the deployment makes it
    // the global one, Link.valueOf's, which Narayana joins with. (Given a factory, the servlet
    // expects a started deployment: it refuses one with a factory but no dispatcher yet.)
    resteasy.setProviderFactory(new LinkParsingProviderFactory());
    resteasy.start();
    DeploymentInfo info =
        new UndertowJaxrsServer()
            .undertowDeployment(resteasy, "/")
            .setClassLoader(CoordinatorServer.class.getClassLoader())
            .setContextPath("/")
            .setDeploymentName("lra-coordinator");
    deployment = Servlets.defaultContainer().addDeployment(info);
    deployment.deploy();
    gracefulHandler = Handlers.gracefulShutdown(deployment.start());
    undertow =
        Undertow.builder()
            .addHttpListener(settings.port(), settings.host())
            .setHandler(gracefulHandler)
            .build();
    undertow.start();
    return ((InetSocketAddress) undertow.getListenerInfo().get(0).getAddress()).getPort();
  }

  /** Stops accepting requests, lets in-flight ones finish (bounded), then closes. */
  void stop(long drainMillis) {
    if (undertow == null) {
      return;
    }
    gracefulHandler.shutdown();
    try {
      gracefulHandler.awaitShutdown(drainMillis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    undertow.stop();
    try {
      deployment.stop();
    } catch (ServletException e) {
      // Shutting down anyway; nothing more to release.
    }
    deployment.undeploy();
    resteasy.stop(); // started by start(), not by the servlet
    undertow = null;
  }
}
