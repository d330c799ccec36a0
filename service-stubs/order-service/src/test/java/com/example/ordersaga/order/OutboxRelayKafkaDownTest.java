package com.example.ordersaga.order;

import static com.example.ordersaga.order.OrderFixtures.aFreshLra;
import static com.example.ordersaga.order.OrderFixtures.aliceBuysTwoWidgetsAndAGadget;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.example.ordersaga.order.api.OrderParticipant;
import com.example.ordersaga.order.domain.OrderStatus;
import com.example.ordersaga.order.domain.Orders;
import com.example.ordersaga.order.events.OutboxRelayRoute;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.NotifyBuilder;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

/**
 * Kafka unreachable: the saga does not wait for it, the outcome event stays pending while the
 * relay's attempts fail, and it is published once, and marked sent, when the broker is back. The
 * service bootstraps through a {@link KafkaGate} that stays closed until the test opens it (the
 * topic is the embedded broker's, as the topic creation at start-up would wait for the gate).
 */
@OrderServiceOnH2
@TestPropertySource(
    properties = {
      TestProperties.WITH_KAFKA,
      // The topic is the embedded broker's: no topic creation at start-up (it would wait).
      "spring.autoconfigure.exclude=com.example.ordersaga.common.events.EventsAutoConfiguration",
      "ordersaga.outbox.poll-delay=50",
      "ordersaga.outbox.send-timeout=1000",
      "ordersaga.outbox.reconnect-backoff=500"
    })
@EmbeddedKafka(kraft = true, partitions = 3, topics = OrderEventsTopic.NAME)
@DirtiesContext
class OutboxRelayKafkaDownTest {

  private static final KafkaGate gate = new KafkaGate();

  @Autowired OrderParticipant participant;
  @Autowired Orders orders;
  @Autowired JdbcTemplate jdbc;
  @Autowired CamelContext camel;
  @Autowired EmbeddedKafkaBroker kafka;
  @Autowired MeterRegistry metrics;

  @DynamicPropertySource
  static void kafkaBehindTheGate(DynamicPropertyRegistry registry) {
    registry.add("ordersaga.kafka-bootstrap-servers", gate::address);
  }

  @AfterAll
  static void closeGate() throws Exception {
    gate.close();
  }

  @Test
  void anEventStaysPendingWhileKafkaIsDownAndIsPublishedOnceWhenItIsBack() throws Exception {
    NotifyBuilder failedAttempt =
        new NotifyBuilder(camel).fromRoute(OutboxRelayRoute.ROUTE_ID).whenFailed(1).create();
    String lra = aFreshLra();
    String orderId = participant.create(lra, aliceBuysTwoWidgetsAndAGadget(), null).orderId();

    participant.finish(lra);

    assertThat(orders.order(orderId).status()).isEqualTo(OrderStatus.COMPLETED);
    assertThat(failedAttempt.matches(20, TimeUnit.SECONDS)).isTrue();
    assertThat(OutboxRow.ofOrder(jdbc, orderId)).singleElement().returns(false, OutboxRow::sent);
    assertThat(outboxPending())
        .as("outbox_pending while Kafka is down")
        .isEqualTo(
            jdbc.queryForObject(
                "SELECT COUNT(*) FROM order_outbox WHERE sent_at IS NULL", Double.class))
        .isGreaterThanOrEqualTo(1);

    gate.openTo(kafka.getBrokersAsString());

    List<OutboxRow> rows =
        await()
            .atMost(Duration.ofSeconds(20))
            .until(
                () -> OutboxRow.ofOrder(jdbc, orderId),
                found -> found.size() == 1 && found.get(0).sent());
    List<ConsumerRecord<String, String>> published =
        OrderEventsTopic.recordsOf(kafka.getBrokersAsString(), orderId);
    assertThat(published).singleElement().returns(rows.get(0).payload(), ConsumerRecord::value);
    await().atMost(Duration.ofSeconds(20)).until(() -> outboxPending() == 0);
  }

  private double outboxPending() {
    return metrics.get("outbox.pending").gauge().value();
  }
}
