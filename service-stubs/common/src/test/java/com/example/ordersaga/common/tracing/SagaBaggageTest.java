package com.example.ordersaga.common.tracing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import org.apache.camel.Message;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.Test;

class SagaBaggageTest {

  private static final String LRA = "http://localhost:8090/lra-coordinator/0_ffff7f000001_1";

  @Test
  void theIdsTravelPercentEncodedAndComeBackAsTheyWere() {
    Message message = new DefaultExchange(new DefaultCamelContext()).getMessage();

    SagaBaggage.carry(message, "order 1,=;", LRA);

    String header = message.getHeader(SagaBaggage.HEADER, String.class);
    assertThat(header).doesNotContain(" ", "order 1,").startsWith("order.id=order%201%2C%3D%3B,");
    assertThat(SagaBaggage.parse(header))
        .containsOnly(entry("order.id", "order 1,=;"), entry("lra.id", LRA));
  }

  @Test
  void withoutAnOrderNothingIsCarried() {
    Message message = new DefaultExchange(new DefaultCamelContext()).getMessage();

    SagaBaggage.carry(message, null, LRA);

    assertThat(message.getHeader(SagaBaggage.HEADER)).isNull();
  }

  @Test
  void otherMembersPropertiesAndMalformedOnesAreReadOrSkipped() {
    assertThat(SagaBaggage.parse("userId=alice;prop=1, order.id=o-1 ,bad=%zz,novalue"))
        .containsOnly(entry("userId", "alice"), entry("order.id", "o-1"));
    assertThat(SagaBaggage.parse(null)).isEmpty();
    assertThat(SagaBaggage.parse("order.id=" + "x".repeat(9000))).isEmpty();
  }
}
