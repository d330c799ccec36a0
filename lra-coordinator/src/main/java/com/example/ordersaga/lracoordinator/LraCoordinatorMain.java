package com.example.ordersaga.lracoordinator;

import jakarta.ws.rs.ext.RuntimeDelegate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the Narayana LRA coordinator as a standalone process: configure Narayana, recover the object
 * store, then serve {@code /lra-coordinator}. See {@link CoordinatorSettings} for options.
 */
public final class LraCoordinatorMain {

  private static final long DRAIN_MILLIS = 10_000;

  private LraCoordinatorMain() {}

  public static void main(String[] args) throws Exception {
    // Before the first logger exists.
    CoordinatorLogging.configure(System::getProperty, System.getenv());
    Logger log = LoggerFactory.getLogger(LraCoordinatorMain.class);
    CoordinatorSettings settings = CoordinatorSettings.fromEnvironment();
    long started = System.nanoTime();

    NarayanaRuntime.configure(settings);
    CoordinatorMetrics metrics = new CoordinatorMetrics();
    NarayanaRuntime narayana = new NarayanaRuntime();
    int known = narayana.start(settings, metrics);
    CoordinatorServer server = new CoordinatorServer(settings, metrics);
    int port;
    try {
      port = server.start();
    } catch (Exception e) {
      narayana.stop();
      throw e;
    }

    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  log.info("LRA coordinator stopping");
                  server.stop(DRAIN_MILLIS);
                  narayana.stop();
                  log.info("LRA coordinator stopped");
                  ShutdownFriendlyLogManager.resetIfInstalled();
                },
                "lra-coordinator-shutdown"));

    String host = "0.0.0.0".equals(settings.host()) ? "localhost" : settings.host();
    log.info(
        String.format(
            "LRA coordinator ready at http://%s:%d%s in %d ms (store %s, %d LRA(s) recovered,"
                + " recovery every %d s, participant links: %s)",
            host,
            port,
            CoordinatorSettings.CONTEXT_PATH,
            (System.nanoTime() - started) / 1_000_000,
            settings.storeDir(),
            known,
            settings.recoveryPeriodSeconds(),
            // What Link.valueOf builds with now: the server's provider factory is the global one.
            RuntimeDelegate.getInstance().createLinkBuilder() instanceof ParsedLinkBuilder
                ? "one-pass parser"
                : "RESTEasy's parser"));
  }
}
