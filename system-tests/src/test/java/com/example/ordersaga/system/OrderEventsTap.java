package com.example.ordersaga.system;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads a topic from its beginning, as an outsider would (no consumer group, nothing committed),
 * and keeps every record by key: what the tests compare against "exactly one event per order".
 */
final class OrderEventsTap implements AutoCloseable {

  private final KafkaConsumer<String, String> consumer;
  private final String topic;
  private final ObjectMapper json = new ObjectMapper();
  private final Map<String, List<JsonNode>> byKey = new ConcurrentHashMap<>();
  private final List<ConsumerRecord<String, String>> all = new CopyOnWriteArrayList<>();

  OrderEventsTap(String bootstrapServers, String topic) {
    Properties config = new Properties();
    config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    this.consumer = new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer());
    this.topic = topic;
  }

  /** Every record with this key seen so far, after reading what the topic holds now. */
  synchronized List<JsonNode> eventsFor(String key) {
    catchUp();
    return List.copyOf(byKey.getOrDefault(key, List.of()));
  }

  synchronized List<ConsumerRecord<String, String>> records() {
    catchUp();
    return List.copyOf(all);
  }

  private void catchUp() {
    if (consumer.assignment().isEmpty()) {
      List<PartitionInfo> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(10));
      List<TopicPartition> assigned = new ArrayList<>();
      partitions.forEach(p -> assigned.add(new TopicPartition(topic, p.partition())));
      consumer.assign(assigned);
      consumer.seekToBeginning(assigned);
    }
    Map<TopicPartition, Long> ends = consumer.endOffsets(consumer.assignment());
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (behind(ends) && System.nanoTime() < deadline) {
      for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
        all.add(record);
        byKey.computeIfAbsent(record.key(), key -> new CopyOnWriteArrayList<>()).add(parse(record));
      }
    }
  }

  private boolean behind(Map<TopicPartition, Long> ends) {
    return ends.entrySet().stream()
        .anyMatch(end -> consumer.position(end.getKey()) < end.getValue());
  }

  private JsonNode parse(ConsumerRecord<String, String> record) {
    try {
      return json.readTree(record.value());
    } catch (IOException notJson) {
      throw new UncheckedIOException("not JSON on " + topic + ": " + record.value(), notJson);
    }
  }

  @Override
  public void close() {
    consumer.close();
  }
}
