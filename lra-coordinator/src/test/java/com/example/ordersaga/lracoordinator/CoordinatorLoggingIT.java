package com.example.ordersaga.lracoordinator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The coordinator process logs through SLF4J: its own lines and those of the libraries under it
 * (JBoss Logging: RESTEasy, Undertow) in the services' layout, or as ECS JSON, one object per line,
 * from start to the stop its shutdown hook logs.
 */
class CoordinatorLoggingIT {

  private final ObjectMapper json = new ObjectMapper();

  @Test
  void plainLinesInTheServicesLayoutFromEveryLibrary(@TempDir Path workDir) throws Exception {
    List<String> lines = runAndStop(workDir, List.of());

    assertThat(lines)
        .allSatisfy(
            line ->
                assertThat(line)
                    .matches(
                        "\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}\\S+ +[A-Z]+ ---"
                            + " \\[lra-coordinator\\] \\[.{15}\\] \\S.* : .*"));
    assertThat(lines).anyMatch(line -> line.contains("o.j.r.r.i18n") || line.contains("org.jboss"));
    assertThat(lines)
        .anyMatch(
            line ->
                line.contains("LRA coordinator ready at http://")
                    && line.contains("participant links: one-pass parser"));
    assertThat(lines.get(lines.size() - 1)).endsWith(": LRA coordinator stopped");
  }

  @Test
  void oneEcsObjectPerLineWithTheJsonLogFormat(@TempDir Path workDir) throws Exception {
    List<String> lines = runAndStop(workDir, List.of("-Dlra.coordinator.log-format=json"));

    List<JsonNode> events = new ArrayList<>();
    for (String line : lines) {
      events.add(json.readTree(line));
    }
    assertThat(events)
        .allSatisfy(
            event -> {
              assertThat(event.path("service.name").asText()).isEqualTo("lra-coordinator");
              assertThat(event.path("@timestamp").asText()).endsWith("Z");
              assertThat(event.path("log.level").asText()).isIn("INFO", "WARN", "ERROR");
              assertThat(event.path("log.logger").asText()).isNotEmpty();
              assertThat(event.path("ecs.version").asText()).isEqualTo("8.11");
            });
    assertThat(events)
        .anyMatch(event -> event.path("log.logger").asText().startsWith("org.jboss.resteasy"));
    assertThat(events)
        .anyMatch(event -> event.path("message").asText().startsWith("LRA coordinator ready at"));
    assertThat(events.get(events.size() - 1).path("message").asText())
        .isEqualTo("LRA coordinator stopped");
  }

  /** Starts one LRA and closes it, stops the coordinator (SIGTERM): its log. */
  private static List<String> runAndStop(Path workDir, List<String> options) throws Exception {
    CoordinatorProcess coordinator = CoordinatorProcess.start(workDir, options);
    try {
      LraClient lras = new LraClient(coordinator.baseUrl());
      lras.close(lras.start(30_000));
    } finally {
      coordinator.close();
    }
    return coordinator.logLines().stream().filter(line -> !line.isBlank()).toList();
  }
}
