package com.example.ordersaga.common.metrics;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.config.MeterFilterReply;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Makes every deployable's {@code /actuator/prometheus} pass {@code promtool check metrics}, the
 * Prometheus naming rules: snake_case label names (Camel's route metrics tag {@code routeId},
 * {@code camelContext}, {@code eventType}: they become {@code route_id}…), a help text on every
 * series (the libraries' meters that come without one get one here), and none of the few meters
 * whose names break the unit rules.
 */
public class PrometheusConventions implements MeterFilter {

  /**
   * Named in abbreviated units ({@code jvm_compilation_time_ms_total}, {@code
   * process_cpu_time_ns_total}) or with a {@code _count} suffix that Prometheus reserves for
   * histograms ({@code system_cpu_count}); {@code process_cpu_usage} tells what they did. Tomcat's
   * session meters come without help texts and count nothing here but the console's logins.
   */
  private static final Set<String> LEFT_OUT =
      Set.of("jvm.compilation.time", "process.cpu.time", "system.cpu.count");

  private static final String LEFT_OUT_PREFIX = "tomcat.sessions.";

  /** Help texts for the library meters registered without one. */
  private static final Map<String, String> DESCRIPTIONS =
      Map.of(
          "http.server.requests",
          "HTTP requests served, by method, URI template, status and outcome",
          "http.server.requests.active",
          "HTTP requests being served",
          "camel.exchange.event.notifier",
          "Camel exchange events (created, sent, completed, failed) by event type and endpoint",
          "camel.routes.added",
          "Camel routes added to the context",
          "camel.routes.reloaded",
          "Camel routes reloaded",
          "camel.routes.running",
          "Camel routes running",
          "app.info",
          "Camel's version and runtime (value 1)");

  private static final Pattern CAMEL_CASE_HUMP = Pattern.compile("([a-z0-9])([A-Z])");

  /**
   * Camel's tracing observations (tagged with the endpoint's URI) would each be a timer named after
   * its span, one per URI and route: the route metrics are camel-micrometer's.
   */
  private static final String CAMEL_TRACING_TAG = "camel.uri";

  /** The same observations of an HTTP consumer are named by its path; the rest by this. */
  private static final String CAMEL_TRACING_PATH = "/";

  private static final String CAMEL_TRACING_OBSERVATION = "camel.component";

  @Override
  public MeterFilterReply accept(Meter.Id id) {
    String name = id.getName();
    return LEFT_OUT.contains(name)
            || name.startsWith(LEFT_OUT_PREFIX)
            || id.getTag(CAMEL_TRACING_TAG) != null
            || name.startsWith(CAMEL_TRACING_PATH)
            || name.equals(CAMEL_TRACING_OBSERVATION)
        ? MeterFilterReply.DENY
        : MeterFilterReply.NEUTRAL;
  }

  @Override
  public Meter.Id map(Meter.Id id) {
    Tags tags =
        Tags.of(
            id.getTags().stream()
                .map(tag -> Tag.of(snakeCase(tag.getKey()), tag.getValue()))
                .toList());
    String description = id.getDescription();
    if (description == null || description.isBlank()) {
      description = DESCRIPTIONS.get(id.getName());
    }
    return new Meter.Id(id.getName(), tags, id.getBaseUnit(), description, id.getType());
  }

  static String snakeCase(String key) {
    return CAMEL_CASE_HUMP.matcher(key).replaceAll("$1_$2").toLowerCase(Locale.ROOT);
  }
}
