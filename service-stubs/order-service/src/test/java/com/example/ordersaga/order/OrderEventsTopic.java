package com.example.ordersaga.order;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads {@code order-events} with a plain consumer, from the beginning to the end it has now. Once
 * an outbox row is marked sent its record is acknowledged, so it is within that end.
 */
final class OrderEventsTopic {

  static final String NAME = "order-events";
  private static final Duration READ_WAIT = Duration.ofSeconds(10);

  private OrderEventsTopic() {}

  /** The records keyed by {@code orderId}, in the order of their partition. */
  static List<ConsumerRecord<String, String>> recordsOf(String brokers, String orderId) {
    return all(brokers).stream().filter(record -> orderId.equals(record.key())).toList();
  }

  private static List<ConsumerRecord<String, String>> all(String brokers) {
    Map<String, Object> config =
        Map.of(
            ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
            brokers,
            ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
            false);
    try (KafkaConsumer<String, String> consumer =
        new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer())) {
      List<TopicPartition> partitions =
          consumer.partitionsFor(NAME).stream()
              .map(partition -> new TopicPartition(NAME, partition.partition()))
              .toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
      List<ConsumerRecord<String, String>> records = new ArrayList<>();
      await()
          .atMost(READ_WAIT)
          .pollInSameThread()
          .pollDelay(Duration.ZERO)
          .until(
              () -> {
                consumer.poll(Duration.ofMillis(100)).forEach(records::add);
                return partitions.stream().allMatch(p -> consumer.position(p) >= end.get(p));
              });
      return records;
    }
  }
}
