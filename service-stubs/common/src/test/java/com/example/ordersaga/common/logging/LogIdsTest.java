package com.example.ordersaga.common.logging;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.Test;

class LogIdsTest {

  private static final String LRA = "http://localhost:8090/lra-coordinator/0_ffff7f000001_1";

  record StepRequest(String orderId) implements OrderScoped {}

  record OutcomeEvent(String orderId, String lraId) implements OrderScoped {}

  @Test
  void aStepTakesTheOrderFromItsBodyAndTheLraFromItsHeader() {
    Exchange exchange = exchange(new StepRequest("o-1"));
    exchange.getIn().setHeader(Exchange.SAGA_LONG_RUNNING_ACTION, LRA);
    exchange.getIn().setHeader(LogIds.ORDER_ID, "a path parameter the body overrides");

    LogIds.fromRequest(exchange);

    assertThat(exchange.getProperty(LogIds.ORDER_ID)).isEqualTo("o-1");
    assertThat(exchange.getProperty(LogIds.LRA_ID)).isEqualTo(LRA);
  }

  @Test
  void aCallbackTakesBothFromItsHeaders() {
    Exchange exchange = exchange(null);
    exchange.getIn().setHeader(Exchange.SAGA_LONG_RUNNING_ACTION, LRA);
    exchange.getIn().setHeader(LogIds.ORDER_ID, "o-2");

    LogIds.fromRequest(exchange);

    assertThat(exchange.getProperty(LogIds.ORDER_ID)).isEqualTo("o-2");
    assertThat(exchange.getProperty(LogIds.LRA_ID)).isEqualTo(LRA);
  }

  @Test
  void aBodyThatNamesTheLraGivesItWhenNoHeaderDoes() {
    Exchange exchange = exchange(new OutcomeEvent("o-3", LRA));

    LogIds.fromRequest(exchange);

    assertThat(exchange.getProperty(LogIds.ORDER_ID)).isEqualTo("o-3");
    assertThat(exchange.getProperty(LogIds.LRA_ID)).isEqualTo(LRA);
  }

  @Test
  void idsThatCouldForgeOrFloodLogLinesAreLeftOut() {
    Exchange exchange =
        exchange(new OutcomeEvent("o-4\n2026-12-03 INFO forged line", "x".repeat(256)));

    LogIds.fromRequest(exchange);

    assertThat(exchange.getProperties()).doesNotContainKeys(LogIds.ORDER_ID, LogIds.LRA_ID);
  }

  @Test
  void outsideAnOrderNothingIsSet() {
    Exchange exchange = exchange("{\"balance\":5}");

    LogIds.fromRequest(exchange);

    assertThat(exchange.getProperties()).doesNotContainKeys(LogIds.ORDER_ID, LogIds.LRA_ID);
  }

  private static Exchange exchange(Object body) {
    Exchange exchange = new DefaultExchange(new DefaultCamelContext());
    exchange.getIn().setBody(body);
    return exchange;
  }
}
