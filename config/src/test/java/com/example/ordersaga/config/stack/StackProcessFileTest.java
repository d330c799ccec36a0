package com.example.ordersaga.config.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StackProcessFileTest {

  /** The repository's file, as run.sh reads it (the module directory is config/). */
  private static final Path THE_STACK = Path.of("..").resolve(StackProcessFile.IN_REPOSITORY);

  @TempDir Path dir;

  @Test
  void listsTheStackInStartOrderOnTheContractPorts() throws Exception {
    assertThat(StackProcessFile.read(THE_STACK))
        .extracting(StackProcess::name, StackProcess::portVariable, StackProcess::defaultPort)
        .containsExactly(
            tuple("kafka", "KAFKA_PORT", 9092),
            tuple("lra-coordinator", "LRA_COORDINATOR_PORT", 8090),
            tuple("order-service", "ORDER_SERVICE_PORT", 8081),
            tuple("payment-service", "PAYMENT_SERVICE_PORT", 8082),
            tuple("point-service", "POINT_SERVICE_PORT", 8083),
            tuple("product-service", "PRODUCT_SERVICE_PORT", 8084),
            tuple("completion-api", "COMPLETION_API_PORT", 8085),
            tuple("orchestrator", "ORCHESTRATOR_PORT", 8080));
  }

  @Test
  void readsEveryColumnAndSkipsCommentsAndBlankLines() throws Exception {
    Path file =
        Files.writeString(
            dir.resolve("processes"),
            "# stage name variable port ready launch artifact\n\n"
                + "2  lra-coordinator  LRA_COORDINATOR_PORT  8090  /health  coordinator  a.jar\n");

    assertThat(StackProcessFile.read(file))
        .containsExactly(
            new StackProcess(
                2,
                "lra-coordinator",
                "LRA_COORDINATOR_PORT",
                8090,
                "/health",
                "coordinator",
                "a.jar"));
  }

  @Test
  void aLineWithoutEveryColumnNamesItsPlace() throws Exception {
    Path file = Files.writeString(dir.resolve("processes"), "# header\n1 kafka KAFKA_PORT 9092\n");

    assertThatThrownBy(() -> StackProcessFile.read(file))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(file + ":2");
  }
}
