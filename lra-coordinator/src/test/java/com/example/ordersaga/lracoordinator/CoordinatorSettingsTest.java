package com.example.ordersaga.lracoordinator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CoordinatorSettingsTest {

  @Test
  void defaultsSuitAnInteractiveSystem() {
    CoordinatorSettings settings = CoordinatorSettings.from(key -> null, Map.of());

    assertThat(settings.host()).isEqualTo("0.0.0.0");
    assertThat(settings.port()).isEqualTo(8090);
    assertThat(settings.storeDir()).isEqualTo(Path.of("data/lra-coordinator").toAbsolutePath());
    assertThat(settings.storeSync()).isTrue();
    assertThat(settings.recoveryPeriodSeconds()).isEqualTo(5);
    assertThat(settings.recoveryBackoffSeconds()).isEqualTo(1);
  }

  @Test
  void environmentOverridesDefaultsAndSystemPropertiesOverrideEnvironment() {
    Map<String, String> env =
        Map.of(
            "LRA_COORDINATOR_PORT", "9000",
            "LRA_COORDINATOR_STORE_SYNC", "false",
            "LRA_COORDINATOR_RECOVERY_PERIOD", "30");
    Map<String, String> properties = Map.of("lra.coordinator.port", "9100");

    CoordinatorSettings settings = CoordinatorSettings.from(properties::get, env);

    assertThat(settings.port()).isEqualTo(9100);
    assertThat(settings.storeSync()).isFalse();
    assertThat(settings.recoveryPeriodSeconds()).isEqualTo(30);
  }

  @Test
  void aTokenIsOptionalExceptInProd() {
    assertThat(CoordinatorSettings.from(key -> null, Map.of()).token()).isNull();
    assertThat(CoordinatorSettings.from(key -> null, Map.of("LRA_COORDINATOR_TOKEN", "t")).token())
        .isEqualTo("t");
    assertThatThrownBy(
            () ->
                CoordinatorSettings.from(
                    key -> null, Map.of("SPRING_PROFILES_ACTIVE", "postgres,prod")))
        .hasMessageContaining("LRA_COORDINATOR_TOKEN");
    assertThat(
            CoordinatorSettings.from(
                    key -> null,
                    Map.of("SPRING_PROFILES_ACTIVE", "prod", "LRA_COORDINATOR_TOKEN", "t"))
                .token())
        .isEqualTo("t");
  }

  @Test
  void rejectsNonsense() {
    assertThatThrownBy(
            () -> CoordinatorSettings.from(Map.of("lra.coordinator.port", "70000")::get, Map.of()))
        .hasMessageContaining("port");
    assertThatThrownBy(
            () ->
                CoordinatorSettings.from(
                    Map.of("lra.coordinator.recovery-period", "0")::get, Map.of()))
        .hasMessageContaining("recovery");
  }
}
