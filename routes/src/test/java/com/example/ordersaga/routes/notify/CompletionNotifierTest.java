package com.example.ordersaga.routes.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.example.ordersaga.common.events.OrderEvent;
import com.example.ordersaga.common.events.OrderEventType;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.camel.CamelContext;
import org.apache.camel.saga.CamelSagaService;
import org.apache.camel.saga.InMemorySagaService;
import org.apache.camel.spi.CamelEvent;
import org.apache.camel.spi.IdempotentRepository;
import org.apache.camel.support.EventNotifierSupport;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The notifier on a real in-process KRaft broker, the partner API faked so that its failures can be
 * scripted: one call per completed order, none for cancelled ones or re-published events, retries
 * with growing delays, events waiting in Kafka through an outage, the dead-letter topic, and
 * nothing lost across a stop and restart. The events of {@link #event} completed days ago, past
 * {@code park-after}; those of {@link #recentEvent} just now.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "camel.lra.enabled=false",
      "spring.datasource.url=jdbc:h2:mem:orchestrator-notifier-test;DB_CLOSE_DELAY=-1;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE",
      "ordersaga.kafka-bootstrap-servers=${spring.embedded.kafka.brokers}",
      "ordersaga.notifier.max-redeliveries=4",
      "ordersaga.notifier.initial-delay=100ms",
      "ordersaga.notifier.max-delay=1s",
      "ordersaga.notifier.park-after=1h",
      "camel.component.http.response-timeout=1000"
    })
@EmbeddedKafka(
    kraft = true,
    partitions = 3,
    topics = {"order-events", "order-events.DLT"})
class CompletionNotifierTest {

  private static final FakeCompletionApi api = newApi();
  private static final String TOPIC = "order-events";
  private static final String DLT = "order-events.DLT";

  @Autowired CamelContext camel;
  @Autowired IdempotentRepository notifiedEvents;
  @Autowired MeterRegistry metrics;

  @Value("${spring.embedded.kafka.brokers}")
  String brokers;

  private final ObjectMapper json =
      new ObjectMapper()
          .registerModule(new JavaTimeModule())
          .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

  @TestConfiguration
  static class InMemorySaga {
    @Bean
    CamelSagaService sagaService() {
      return new InMemorySagaService();
    }
  }

  @DynamicPropertySource
  static void completionApi(DynamicPropertyRegistry registry) {
    registry.add("ordersaga.urls.completion-api", api::url);
  }

  @AfterAll
  static void stopApi() {
    api.close();
  }

  @Test
  void eachCompletedOrderIsCalledOnceWithItsIdAsIdempotencyKey() throws Exception {
    OrderEvent completed = event(OrderEventType.ORDER_COMPLETED);
    OrderEvent cancelled = event(OrderEventType.ORDER_CANCELLED);
    OrderEvent later = event(OrderEventType.ORDER_COMPLETED);

    publish(completed, cancelled, completed, later); // completed twice: a relay re-send

    await().atMost(Duration.ofSeconds(20)).until(() -> !api.calls(later.orderId()).isEmpty());
    awaitAllCommitted();
    assertThat(api.calls(completed.orderId()))
        .singleElement()
        .satisfies(call -> assertThat(call.idempotencyKey()).isEqualTo(completed.orderId()));
    assertThat(api.calls(later.orderId())).hasSize(1);
    assertThat(api.calls(cancelled.orderId())).as("a cancelled order is not notified").isEmpty();
  }

  @Test
  void aFailingApiIsRetriedWithGrowingDelaysUntilItSucceedsOnce() throws Exception {
    OrderEvent order = event(OrderEventType.ORDER_COMPLETED);
    api.answer(order.orderId(), 503, 429, 500, 408);

    publish(order);

    await().atMost(Duration.ofSeconds(20)).until(() -> api.calls(order.orderId()).size() == 5);
    awaitAllCommitted();
    List<FakeCompletionApi.Call> calls = api.calls(order.orderId());
    assertThat(calls)
        .extracting(FakeCompletionApi.Call::status)
        .containsExactly(503, 429, 500, 408, 201);
    List<Long> gapsMillis = new ArrayList<>();
    for (int i = 1; i < calls.size(); i++) {
      gapsMillis.add((calls.get(i).atNanos() - calls.get(i - 1).atNanos()) / 1_000_000);
    }
    // 100, 200, 400, 800 ms configured; the clock may only add to them.
    assertThat(gapsMillis.get(0)).isGreaterThanOrEqualTo(90);
    assertThat(gapsMillis.get(1)).isGreaterThanOrEqualTo(190).isGreaterThan(gapsMillis.get(0));
    assertThat(gapsMillis.get(2)).isGreaterThanOrEqualTo(390).isGreaterThan(gapsMillis.get(1));
    assertThat(gapsMillis.get(3)).isGreaterThanOrEqualTo(790).isGreaterThan(gapsMillis.get(2));
    assertThat(dltRecordsFor(order.orderId(), Duration.ofMillis(500))).isEmpty();
  }

  @Test
  void aCallWithoutAnAnswerInTimeIsRetried() throws Exception {
    OrderEvent order = event(OrderEventType.ORDER_COMPLETED);
    api.answer(order.orderId(), FakeCompletionApi.HANG);

    publish(order);

    await().atMost(Duration.ofSeconds(20)).until(() -> api.calls(order.orderId()).size() == 2);
    awaitAllCommitted();
    assertThat(dltRecordsFor(order.orderId(), Duration.ofMillis(500))).isEmpty();
  }

  /**
   * The partner down for three times the retry budget of one call, orders completing all along:
   * nothing is parked, the consumer stays on its records, and once the partner is back each order
   * is notified exactly once.
   */
  @Test
  void aPartnerDownPastTheRetryBudgetParksNothingAndEachOrderIsNotifiedOnceItIsBack()
      throws Exception {
    List<OrderEvent> before = IntStream.range(0, 6).mapToObj(i -> recentEvent()).toList();
    List<OrderEvent> during = IntStream.range(0, 6).mapToObj(i -> recentEvent()).toList();
    AtomicInteger redeliveries = countRedeliveries();
    api.goDown();
    try {
      publish(before.toArray(OrderEvent[]::new));
      // 4 redeliveries per budget (0.1 + 0.2 + 0.4 + 0.8 s): 3 budgets spent and more.
      await().atMost(Duration.ofSeconds(30)).until(() -> redeliveries.get() >= 6);
      // Six redeliveries take at least 1.8 s after the first call of the event in hand.
      assertThat(lagSeconds()).as("notifier_lag_seconds while held back").isGreaterThan(1.0);
      publish(during.toArray(OrderEvent[]::new));
      await().atMost(Duration.ofSeconds(30)).until(() -> redeliveries.get() >= 3 * 4 + 1);
    } finally {
      api.comeBack();
    }
    long back = System.nanoTime();

    List<OrderEvent> all = new ArrayList<>(before);
    all.addAll(during);
    await().atMost(Duration.ofSeconds(60)).until(() -> calledOrders(all) == all.size());
    assertThat(Duration.ofNanos(System.nanoTime() - back)).isLessThan(Duration.ofSeconds(60));
    awaitAllCommitted();
    for (OrderEvent order : all) {
      assertThat(api.calls(order.orderId()))
          .as(order.orderId())
          .singleElement()
          .satisfies(call -> assertThat(call.status()).isEqualTo(201));
      assertThat(notifiedEvents.contains(order.eventId())).isTrue();
    }
    assertThat(parkedKeys())
        .as("parked")
        .doesNotContainAnyElementsOf(all.stream().map(OrderEvent::orderId).toList());
    assertThat(lagSeconds()).as("notifier_lag_seconds once caught up").isZero();
  }

  private double lagSeconds() {
    return metrics.get("notifier.lag").gauge().value();
  }

  /** The partner failing an event of an order that completed longer ago than park-after. */
  @Test
  void anEventPastItsBudgetIsParkedAndLaterOrdersStillFlow() throws Exception {
    OrderEvent doomed = event(OrderEventType.ORDER_COMPLETED);
    OrderEvent next = event(OrderEventType.ORDER_COMPLETED);
    api.answer(doomed.orderId(), 503, 503, 503, 503, 503, 503, 503);

    publish(doomed, next);

    await().atMost(Duration.ofSeconds(20)).until(() -> !api.calls(next.orderId()).isEmpty());
    awaitAllCommitted();
    assertThat(api.calls(doomed.orderId())).as("first call + 4 redeliveries").hasSize(5);
    List<ConsumerRecord<String, String>> parked =
        dltRecordsFor(doomed.orderId(), Duration.ofSeconds(10));
    assertThat(parked)
        .singleElement()
        .satisfies(
            record -> {
              assertThat(json.readValue(record.value(), OrderEvent.class)).isEqualTo(doomed);
              assertThat(header(record, "x-attempts")).isEqualTo("5");
              assertThat(header(record, "x-error")).contains("503");
            });
    assertThat(api.calls(next.orderId())).hasSize(1);
    // Re-publishing the parked event retries it: it is not recorded as notified.
    assertThat(notifiedEvents.contains(doomed.eventId())).isFalse();
    assertThat(notifiedEvents.contains(next.eventId())).isTrue();
  }

  @Test
  void aFinalRefusalIsParkedWithoutRetrying() throws Exception {
    OrderEvent refused = event(OrderEventType.ORDER_COMPLETED);
    api.answer(refused.orderId(), 422);

    publish(refused);

    List<ConsumerRecord<String, String>> parked =
        dltRecordsFor(refused.orderId(), Duration.ofSeconds(20));
    assertThat(parked).hasSize(1);
    assertThat(header(parked.get(0), "x-attempts")).isEqualTo("1");
    assertThat(api.calls(refused.orderId())).hasSize(1);
  }

  @Test
  void aRecordThatIsNoEventIsParkedUnread() throws Exception {
    String key = "garbage-" + UUID.randomUUID();
    try (KafkaProducer<String, String> producer = producer()) {
      producer.send(new ProducerRecord<>(TOPIC, key, "{not json")).get();
    }

    assertThat(dltRecordsFor(key, Duration.ofSeconds(20)))
        .singleElement()
        .satisfies(record -> assertThat(record.value()).isEqualTo("{not json"));
    awaitAllCommitted();
  }

  /**
   * What a crash during the call would find: the record's offset not committed and its eventId not
   * recorded as notified, so the restarted notifier reads it again and calls again.
   */
  @Test
  void whileACallIsUnderwayNeitherItsOffsetNorItsEventIdIsRecorded() throws Exception {
    OrderEvent order = event(OrderEventType.ORDER_COMPLETED);
    CountDownLatch release = api.hold(order.orderId());

    RecordMetadata published = publish(order);

    await().atMost(Duration.ofSeconds(20)).until(() -> api.arrived(order.orderId()));
    TopicPartition partition = new TopicPartition(TOPIC, published.partition());
    assertThat(committedOffset(partition))
        .as("committed offset of the record's partition while its call is underway")
        .isLessThanOrEqualTo(published.offset());
    assertThat(notifiedEvents.contains(order.eventId())).isFalse();

    release.countDown();
    await().atMost(Duration.ofSeconds(20)).until(() -> api.calls(order.orderId()).size() == 1);
    awaitAllCommitted();
    assertThat(committedOffset(partition)).isGreaterThan(published.offset());
    assertThat(notifiedEvents.contains(order.eventId())).isTrue();
  }

  @Test
  void anApiRefusingConnectionsIsRetriedUntilItIsBack() throws Exception {
    OrderEvent order = event(OrderEventType.ORDER_COMPLETED);
    AtomicInteger redeliveries = countRedeliveries();
    api.goDown();
    try {
      publish(order);
      // The first call and two redeliveries meet a closed port.
      await().atMost(Duration.ofSeconds(10)).until(() -> redeliveries.get() >= 2);
    } finally {
      api.comeBack();
    }

    await().atMost(Duration.ofSeconds(20)).until(() -> api.calls(order.orderId()).size() == 1);
    awaitAllCommitted();
    assertThat(dltRecordsFor(order.orderId(), Duration.ofMillis(500))).isEmpty();
  }

  @Test
  void aNotifierStoppedMidStreamAndRestartedNotifiesEveryCompletedOrderOnce() throws Exception {
    List<OrderEvent> first =
        IntStream.range(0, 20).mapToObj(i -> event(OrderEventType.ORDER_COMPLETED)).toList();
    List<OrderEvent> second =
        IntStream.range(0, 10).mapToObj(i -> event(OrderEventType.ORDER_COMPLETED)).toList();
    api.delayEachCall(Duration.ofMillis(100)); // 20 calls take ≥ 2 s: the stop comes mid-stream

    publish(first.toArray(OrderEvent[]::new));
    await().atMost(Duration.ofSeconds(20)).until(() -> calledOrders(first) >= 5);
    camel.getRouteController().stopRoute("order-events-notifier");
    api.delayEachCall(Duration.ZERO);
    assertThat(calledOrders(first)).as("orders notified when it stopped").isLessThan(first.size());
    publish(second.toArray(OrderEvent[]::new)); // while it is down
    camel.getRouteController().startRoute("order-events-notifier");

    List<OrderEvent> all = new ArrayList<>(first);
    all.addAll(second);
    await().atMost(Duration.ofSeconds(30)).until(() -> calledOrders(all) == all.size());
    awaitAllCommitted();
    for (OrderEvent order : all) {
      assertThat(api.calls(order.orderId())).as(order.orderId()).hasSize(1);
    }
  }

  /** Counts the notifier's redeliveries from now on, for the rest of the test class. */
  private AtomicInteger countRedeliveries() {
    AtomicInteger redeliveries = new AtomicInteger();
    camel
        .getManagementStrategy()
        .addEventNotifier(
            new EventNotifierSupport() {
              @Override
              public void notify(CamelEvent event) {
                if (event instanceof CamelEvent.ExchangeRedeliveryEvent) {
                  redeliveries.incrementAndGet();
                }
              }
            });
    return redeliveries;
  }

  /** The keys of every record on the dead-letter topic so far, read to its end. */
  private Set<String> parkedKeys() {
    Properties config = new Properties();
    config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers);
    try (KafkaConsumer<String, String> consumer =
        new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer())) {
      List<TopicPartition> partitions =
          consumer.partitionsFor(DLT).stream()
              .map(info -> new TopicPartition(DLT, info.partition()))
              .toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
      Set<String> keys = new java.util.HashSet<>();
      while (partitions.stream().anyMatch(p -> consumer.position(p) < ends.get(p))) {
        consumer.poll(Duration.ofMillis(200)).forEach(record -> keys.add(record.key()));
      }
      return keys;
    }
  }

  private long calledOrders(List<OrderEvent> orders) {
    Set<String> called =
        api.calls().stream().map(FakeCompletionApi.Call::orderId).collect(Collectors.toSet());
    return orders.stream().filter(order -> called.contains(order.orderId())).count();
  }

  private OrderEvent event(OrderEventType type) {
    return event(type, Instant.parse("2026-11-24T04:00:00Z"));
  }

  private OrderEvent recentEvent() {
    return event(OrderEventType.ORDER_COMPLETED, Instant.now());
  }

  private OrderEvent event(OrderEventType type, Instant occurredAt) {
    return new OrderEvent(
        UUID.randomUUID().toString(),
        type,
        "order-" + UUID.randomUUID(),
        "user-1",
        2000,
        500,
        1500,
        "http://localhost:8090/lra-coordinator/" + UUID.randomUUID(),
        occurredAt);
  }

  /** Publishes in order; the last record's place on the topic. */
  private RecordMetadata publish(OrderEvent... events) throws Exception {
    RecordMetadata last = null;
    try (KafkaProducer<String, String> producer = producer()) {
      for (OrderEvent event : events) {
        last =
            producer
                .send(new ProducerRecord<>(TOPIC, event.orderId(), json.writeValueAsString(event)))
                .get();
      }
    }
    return last;
  }

  /** The notifier's committed offset of a partition (0 when none yet). */
  private long committedOffset(TopicPartition partition) throws Exception {
    try (Admin admin = Admin.create(Map.of("bootstrap.servers", brokers))) {
      OffsetAndMetadata committed =
          admin
              .listConsumerGroupOffsets("order-completion-notifier")
              .partitionsToOffsetAndMetadata()
              .get()
              .get(partition);
      return committed == null ? 0 : committed.offset();
    }
  }

  private KafkaProducer<String, String> producer() {
    return new KafkaProducer<>(
        Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers, ProducerConfig.ACKS_CONFIG, "all"),
        new StringSerializer(),
        new StringSerializer());
  }

  /** The notifier's committed offsets reach the end of every partition: nothing left unacked. */
  private void awaitAllCommitted() {
    try (Admin admin = Admin.create(Map.of("bootstrap.servers", brokers))) {
      await()
          .atMost(Duration.ofSeconds(20))
          .until(
              () -> {
                Map<TopicPartition, OffsetAndMetadata> committed =
                    admin
                        .listConsumerGroupOffsets("order-completion-notifier")
                        .partitionsToOffsetAndMetadata()
                        .get();
                Map<TopicPartition, OffsetSpec> latest =
                    IntStream.range(0, 3)
                        .boxed()
                        .collect(
                            Collectors.toMap(
                                p -> new TopicPartition(TOPIC, p), p -> OffsetSpec.latest()));
                var ends = admin.listOffsets(latest).all().get();
                return ends.entrySet().stream()
                    .allMatch(
                        end ->
                            end.getValue().offset() == 0
                                || (committed.get(end.getKey()) != null
                                    && committed.get(end.getKey()).offset()
                                        == end.getValue().offset()));
              });
    }
  }

  private List<ConsumerRecord<String, String>> dltRecordsFor(String key, Duration wait) {
    Properties config = new Properties();
    config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers);
    config.put(ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID());
    config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    List<ConsumerRecord<String, String>> found = new ArrayList<>();
    try (KafkaConsumer<String, String> consumer =
        new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer())) {
      consumer.subscribe(List.of(DLT));
      long until = System.nanoTime() + wait.toNanos();
      while (System.nanoTime() < until && found.isEmpty()) {
        consumer
            .poll(Duration.ofMillis(200))
            .forEach(
                record -> {
                  if (key.equals(record.key())) {
                    found.add(record);
                  }
                });
      }
      // Anything else for the key that arrived with it.
      consumer
          .poll(Duration.ofMillis(300))
          .forEach(
              record -> {
                if (key.equals(record.key())) {
                  found.add(record);
                }
              });
    }
    return found;
  }

  private static String header(ConsumerRecord<String, String> record, String name) {
    var header = record.headers().lastHeader(name);
    return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
  }

  private static FakeCompletionApi newApi() {
    try {
      return new FakeCompletionApi();
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
