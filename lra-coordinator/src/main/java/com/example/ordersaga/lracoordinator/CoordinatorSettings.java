package com.example.ordersaga.lracoordinator;

import java.nio.file.Path;
import java.util.Map;
import java.util.function.Function;

/**
 * Settings of the standalone coordinator. Each is read from a system property, else an environment
 * variable, else a default chosen for an interactive system.
 *
 * <pre>
 * system property                     environment variable               default
 * lra.coordinator.host                LRA_COORDINATOR_HOST                0.0.0.0
 * lra.coordinator.port                LRA_COORDINATOR_PORT                8090
 * lra.coordinator.store-dir           LRA_COORDINATOR_STORE_DIR           data/lra-coordinator
 * lra.coordinator.store-sync          LRA_COORDINATOR_STORE_SYNC          true
 * lra.coordinator.recovery-period     LRA_COORDINATOR_RECOVERY_PERIOD     5   (seconds)
 * lra.coordinator.recovery-backoff    LRA_COORDINATOR_RECOVERY_BACKOFF    1   (seconds)
 * lra.coordinator.token               LRA_COORDINATOR_TOKEN               none (open; required in prod)
 * </pre>
 *
 * <p>With a token, every call that changes an LRA must carry {@code Authorization: Bearer <token>}
 * (the orchestrators and participants hold it); reads stay open. Profile {@code prod} ({@code
 * SPRING_PROFILES_ACTIVE}, as for every deployable) refuses to start without one.
 */
public record CoordinatorSettings(
    String host,
    int port,
    Path storeDir,
    boolean storeSync,
    int recoveryPeriodSeconds,
    int recoveryBackoffSeconds,
    String token) {

  public static final String CONTEXT_PATH = "/lra-coordinator";

  public CoordinatorSettings {
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("port must be 0..65535, was " + port);
    }
    if (recoveryPeriodSeconds < 1 || recoveryBackoffSeconds < 1) {
      throw new IllegalArgumentException("recovery period and backoff must be >= 1 s");
    }
  }

  public static CoordinatorSettings fromEnvironment() {
    return from(System::getProperty, System.getenv());
  }

  static CoordinatorSettings from(Function<String, String> properties, Map<String, String> env) {
    Source source = new Source(properties, env);
    String token = source.get("token", null);
    if (token == null && inProd(env.get("SPRING_PROFILES_ACTIVE"))) {
      throw new IllegalStateException(
          "profile prod requires LRA_COORDINATOR_TOKEN: the coordinator's API would be open");
    }
    return new CoordinatorSettings(
        source.get("host", "0.0.0.0"),
        Integer.parseInt(source.get("port", "8090")),
        Path.of(source.get("store-dir", "data/lra-coordinator")).toAbsolutePath(),
        Boolean.parseBoolean(source.get("store-sync", "true")),
        Integer.parseInt(source.get("recovery-period", "5")),
        Integer.parseInt(source.get("recovery-backoff", "1")),
        token);
  }

  private static boolean inProd(String profiles) {
    return profiles != null
        && java.util.Arrays.stream(profiles.split(",")).map(String::trim).anyMatch("prod"::equals);
  }

  private record Source(Function<String, String> properties, Map<String, String> env) {
    String get(String key, String defaultValue) {
      String value = properties.apply("lra.coordinator." + key);
      if (value == null) {
        value = env.get("LRA_COORDINATOR_" + key.toUpperCase().replace('-', '_'));
      }
      return value == null || value.isBlank() ? defaultValue : value.trim();
    }
  }
}
