package com.example.ordersaga.lracoordinator;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RequestTimerTest {

  private static final String LRA = "/lra-coordinator/0_ffff7f000001_a493_6b115970_a";

  @Test
  void eachCallCamelLraMakesHasItsOperation() {
    assertThat(RequestTimer.operation("POST", "/lra-coordinator/start")).isEqualTo("start");
    assertThat(RequestTimer.operation("PUT", LRA)).isEqualTo("join");
    assertThat(RequestTimer.operation("PUT", LRA + "/close")).isEqualTo("close");
    assertThat(RequestTimer.operation("PUT", LRA + "/cancel")).isEqualTo("cancel");
    assertThat(RequestTimer.operation("PUT", LRA + "/renew")).isEqualTo("renew");
    assertThat(RequestTimer.operation("PUT", LRA + "/remove")).isEqualTo("leave");
    assertThat(RequestTimer.operation("GET", LRA + "/status")).isEqualTo("read");
    assertThat(RequestTimer.operation("GET", "/lra-coordinator")).isEqualTo("read");
    assertThat(RequestTimer.operation("GET", "/lra-coordinator/recovery")).isEqualTo("recovery");
    assertThat(RequestTimer.operation("POST", LRA + "/elsewhere/x")).isEqualTo("other");
  }

  @Test
  void theProbeAndTheMetricsAreNotTimed() {
    assertThat(RequestTimer.operation("GET", "/health")).isNull();
    assertThat(RequestTimer.operation("GET", "/metrics")).isNull();
    assertThat(RequestTimer.operation("GET", "/lra-coordinatorish")).isNull();
  }
}
