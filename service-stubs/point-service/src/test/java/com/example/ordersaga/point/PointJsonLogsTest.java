package com.example.ordersaga.point;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.context.ActiveProfiles;

/** Profile json-logs: every line is one JSON object, and the ids are fields of their own. */
@PointServiceOnH2
@ActiveProfiles("json-logs")
@ExtendWith(OutputCaptureExtension.class)
class PointJsonLogsTest {

  @Autowired ProducerTemplate camel;
  private final ObjectMapper json = new ObjectMapper();

  @Test
  void aCompensationsLineIsJsonWithTheOrderAndTheLra(CapturedOutput output) throws Exception {
    String lra = PointFixtures.newLra();
    String orderId = PointFixtures.newOrderId();

    // The coordinator's compensation callback as camel-lra forwards it: nothing was deducted.
    camel.sendBodyAndHeaders(
        "direct:point-refund",
        null,
        Map.of(Exchange.SAGA_LONG_RUNNING_ACTION, lra, "orderId", orderId));

    List<String> lines = output.getOut().lines().filter(line -> !line.isBlank()).toList();
    assertThat(lines).isNotEmpty();
    for (String line : lines) {
      assertThat(json.readTree(line).isObject()).as(line).isTrue();
    }
    JsonNode fenced =
        lines.stream()
            .map(this::parse)
            .filter(event -> event.path("message").asText().contains("fenced"))
            .findFirst()
            .orElseThrow();
    assertThat(fenced.path("orderId").asText()).isEqualTo(orderId);
    assertThat(fenced.path("lraId").asText()).isEqualTo(lra);
    assertThat(fenced.at("/camel/routeId").asText()).isEqualTo("point-refund");
    assertThat(fenced.at("/service/name").asText()).isEqualTo("point-service");
    assertThat(fenced.at("/log/level").asText()).isEqualTo("INFO");
  }

  private JsonNode parse(String line) {
    try {
      return json.readTree(line);
    } catch (Exception e) {
      throw new IllegalStateException(line, e);
    }
  }
}
