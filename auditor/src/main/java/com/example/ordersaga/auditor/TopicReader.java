package com.example.ordersaga.auditor;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.BiConsumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

/** Reads whole topics, beginning to current end, as an outsider: no group, nothing committed. */
class TopicReader implements AutoCloseable {

  private static final Duration READ_LIMIT = Duration.ofSeconds(60);

  private final KafkaConsumer<String, String> consumer;

  TopicReader(String bootstrapServers) {
    Properties config = new Properties();
    config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "5000");
    consumer = new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer());
  }

  /** Every record of the topic as it is now; a topic that does not exist yet has none. */
  void read(String topic, BiConsumer<String, String> records) {
    var partitions = consumer.partitionsFor(topic, Duration.ofSeconds(10));
    if (partitions == null || partitions.isEmpty()) {
      return;
    }
    List<TopicPartition> assigned =
        partitions.stream().map(p -> new TopicPartition(topic, p.partition())).toList();
    consumer.assign(assigned);
    consumer.seekToBeginning(assigned);
    Map<TopicPartition, Long> ends = consumer.endOffsets(assigned);
    long deadline = System.nanoTime() + READ_LIMIT.toNanos();
    while (assigned.stream().anyMatch(p -> consumer.position(p) < ends.get(p))) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("could not read " + topic + " to its end in " + READ_LIMIT);
      }
      consumer
          .poll(Duration.ofMillis(200))
          .forEach(
              record -> {
                if (record.offset() < ends.get(new TopicPartition(topic, record.partition()))) {
                  records.accept(record.key(), record.value());
                }
              });
    }
    consumer.unsubscribe();
  }

  @Override
  public void close() {
    consumer.close(Duration.ofSeconds(2));
  }
}
