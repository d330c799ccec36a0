package com.example.ordersaga.order;

import static com.example.ordersaga.order.OrderFixtures.aFreshLra;
import static com.example.ordersaga.order.OrderFixtures.aliceBuysTwoWidgetsAndAGadget;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;
import static org.awaitility.Awaitility.await;

import com.example.ordersaga.common.events.OrderEventType;
import com.example.ordersaga.common.participant.errors.InvalidRequest;
import com.example.ordersaga.common.participant.faults.SimulatedFailure;
import com.example.ordersaga.order.api.CreateOrderRequest;
import com.example.ordersaga.order.api.OrderParticipant;
import com.example.ordersaga.order.domain.Orders;
import com.example.ordersaga.order.events.OutboxRelayRoute;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.builder.AdviceWith;
import org.apache.camel.component.kafka.KafkaConstants;
import org.apache.camel.component.kafka.KafkaEndpoint;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

/**
 * The outbox relay against a real (embedded, KRaft) broker, order-events created at start-up as in
 * production: each order that ended here is published exactly once, keyed by its id, and its row
 * marked sent; nothing is published for a saga that never placed its order here; a relay crash
 * between publishing and marking publishes the same event (same eventId) twice, never zero times.
 */
@OrderServiceOnH2
@TestPropertySource(
    properties = {
      TestProperties.WITH_KAFKA,
      "ordersaga.kafka-bootstrap-servers=${spring.embedded.kafka.brokers}",
      "ordersaga.outbox.poll-delay=50",
      // Not the embedded broker's default (3), so the test sees that the service made the topics.
      "ordersaga.events.partitions=2"
    })
@EmbeddedKafka(kraft = true, partitions = 3)
@DirtiesContext
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OrderEventsRelayTest {

  private static final Duration RELAY_WAIT = Duration.ofSeconds(20);

  @Autowired OrderParticipant participant;
  @Autowired Orders orders;
  @Autowired JdbcTemplate jdbc;
  @Autowired ObjectMapper json;
  @Autowired CamelContext camel;
  @Autowired EmbeddedKafkaBroker kafka;

  private final CrashAfterPublishing crash = new CrashAfterPublishing();

  @BeforeAll
  void relayCrashesAfterPublishingWhenATestAsks() throws Exception {
    AdviceWith.adviceWith(
        camel,
        OutboxRelayRoute.ROUTE_ID,
        relay -> relay.weaveByToUri("kafka:*").after().process(crash));
  }

  @Test
  void aCompletedOrderIsPublishedOnceKeyedByItsIdAndItsRowMarkedSent() throws Exception {
    String lra = aFreshLra();
    String orderId = participant.create(lra, aliceBuysTwoWidgetsAndAGadget(), null).orderId();
    participant.markReady(lra, orderId, null);

    participant.finish(lra);
    participant.finish(lra);
    participant.cancel(lra);

    OutboxRow row = awaitSent(orderId);
    List<ConsumerRecord<String, String>> published = publishedFor(orderId);
    assertThat(published).hasSize(1);
    ConsumerRecord<String, String> record = published.get(0);
    assertThat(record.key()).isEqualTo(orderId);
    assertThat(headersOf(record))
        .containsOnly(
            entry(OutboxRelayRoute.EVENT_ID_HEADER, row.eventId()),
            entry(OutboxRelayRoute.EVENT_TYPE_HEADER, "ORDER_COMPLETED"),
            // W3C baggage: the consumer's span names the order and its LRA (from the payload).
            entry(
                "baggage",
                "order.id="
                    + orderId
                    + ",lra.id="
                    + URLEncoder.encode(lra, StandardCharsets.UTF_8).replace("+", "%20")));
    assertThat(record.value()).isEqualTo(row.payload());
    assertThat(
            OutcomeEventJson.assertOutcome(
                json, record.value(), orders.order(orderId), OrderEventType.ORDER_COMPLETED))
        .isEqualTo(row.eventId());
  }

  @Test
  void aCancelledOrderIsPublishedOnceAsOrderCancelled() throws Exception {
    String lra = aFreshLra();
    String orderId = participant.create(lra, aliceBuysTwoWidgetsAndAGadget(), null).orderId();

    participant.cancel(lra);
    participant.cancel(lra);
    participant.finish(lra);

    OutboxRow row = awaitSent(orderId);
    List<ConsumerRecord<String, String>> published = publishedFor(orderId);
    assertThat(published).hasSize(1);
    assertThat(
            OutcomeEventJson.assertOutcome(
                json,
                published.get(0).value(),
                orders.order(orderId),
                OrderEventType.ORDER_CANCELLED))
        .isEqualTo(row.eventId());
  }

  @Test
  void sagasThatPlacedNoOrderHerePublishNothing() {
    String compensatedWithoutOrder = aFreshLra();
    CreateOrderRequest neverPlaced = aliceBuysTwoWidgetsAndAGadget();
    participant.cancel(compensatedWithoutOrder);

    String failedCreate = aFreshLra();
    CreateOrderRequest failed = aliceBuysTwoWidgetsAndAGadget();
    assertThatThrownBy(() -> participant.create(failedCreate, failed, OrderParticipant.CREATE_STEP))
        .isInstanceOf(SimulatedFailure.class);
    participant.cancel(failedCreate);

    CreateOrderRequest taken = aliceBuysTwoWidgetsAndAGadget();
    participant.create(aFreshLra(), taken, null);
    String refusedCreate = aFreshLra();
    assertThatThrownBy(() -> participant.create(refusedCreate, taken, null))
        .isInstanceOf(InvalidRequest.class);
    participant.cancel(refusedCreate);

    // Only outbox rows are relayed: without a row nothing can reach the topic, now or later.
    for (String orderId : List.of(neverPlaced.orderId(), failed.orderId(), taken.orderId())) {
      assertThat(OutboxRow.ofOrder(jdbc, orderId)).isEmpty();
      assertThat(publishedFor(orderId)).isEmpty();
    }
  }

  @Test
  void aRelayCrashAfterPublishingPublishesTheSameEventAgainThenMarksItSent() {
    CreateOrderRequest request = aliceBuysTwoWidgetsAndAGadget();
    crash.onceAfterPublishing(request.orderId());
    String lra = aFreshLra();
    participant.create(lra, request, null);

    participant.finish(lra);

    OutboxRow row = awaitSent(request.orderId());
    assertThat(publishedFor(request.orderId()))
        .hasSize(2)
        .allSatisfy(
            record -> {
              assertThat(headersOf(record))
                  .containsEntry(OutboxRelayRoute.EVENT_ID_HEADER, row.eventId());
              assertThat(record.value()).isEqualTo(row.payload());
            });
  }

  @Test
  void theTopicsAreCreatedAtStartUpWithTheConfiguredLayout() {
    try (Admin admin = Admin.create(Map.of("bootstrap.servers", kafka.getBrokersAsString()))) {
      Map<String, TopicDescription> topics =
          await()
              .atMost(RELAY_WAIT)
              .ignoreExceptions()
              .until(
                  () ->
                      admin
                          .describeTopics(List.of("order-events", "order-events.DLT"))
                          .allTopicNames()
                          .get(),
                  found -> found.size() == 2);
      assertThat(topics.values())
          .allSatisfy(
              topic -> {
                assertThat(topic.partitions()).hasSize(2);
                assertThat(topic.partitions())
                    .allSatisfy(partition -> assertThat(partition.replicas()).hasSize(1));
              });
    }
  }

  /** What "marked sent only after the broker acknowledged" rests on. */
  @Test
  void theRelayPublishesSynchronouslyWithAnIdempotentProducerAndAcksFromAllReplicas() {
    KafkaEndpoint orderEvents =
        camel.getEndpoints().stream()
            .filter(KafkaEndpoint.class::isInstance)
            .map(KafkaEndpoint.class::cast)
            .filter(endpoint -> endpoint.getConfiguration().getTopic().equals("order-events"))
            .findFirst()
            .orElseThrow();
    assertThat(orderEvents.getConfiguration().isSynchronous()).isTrue();
    assertThat(orderEvents.getConfiguration().isEnableIdempotence()).isTrue();
    assertThat(orderEvents.getConfiguration().getRequestRequiredAcks()).isEqualTo("all");
  }

  private OutboxRow awaitSent(String orderId) {
    List<OutboxRow> rows =
        await()
            .atMost(RELAY_WAIT)
            .until(
                () -> OutboxRow.ofOrder(jdbc, orderId),
                found -> !found.isEmpty() && found.stream().allMatch(OutboxRow::sent));
    assertThat(rows).hasSize(1);
    return rows.get(0);
  }

  private List<ConsumerRecord<String, String>> publishedFor(String orderId) {
    return OrderEventsTopic.recordsOf(kafka.getBrokersAsString(), orderId);
  }

  private static Map<String, String> headersOf(ConsumerRecord<String, String> record) {
    Map<String, String> headers = new LinkedHashMap<>();
    for (Header header : record.headers()) {
      headers.put(header.key(), new String(header.value(), StandardCharsets.UTF_8));
    }
    return headers;
  }

  /**
   * A relay that dies after Kafka acknowledged the record and before its row is marked sent, once,
   * for the orders a test names: every other exchange passes untouched.
   */
  private static final class CrashAfterPublishing implements Processor {

    private final Set<String> orderIds = ConcurrentHashMap.newKeySet();

    void onceAfterPublishing(String orderId) {
      orderIds.add(orderId);
    }

    @Override
    public void process(Exchange exchange) {
      if (orderIds.remove(exchange.getMessage().getHeader(KafkaConstants.KEY, String.class))) {
        throw new IllegalStateException("relay crashed after publishing, before marking sent");
      }
    }
  }
}
