import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Prints a topic from its beginning to its current end, one "key TAB value" line per record, and
 * exits: what ./run.sh events shows. No consumer group, nothing committed.
 * Run: java -cp 'kafka-broker/target/lib/*' kafka-broker/tools/ReadTopic.java BOOTSTRAP TOPIC
 */
public class ReadTopic {

  public static void main(String[] args) {
    Properties config = new Properties();
    config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, args[0]);
    config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    try (KafkaConsumer<String, String> consumer =
        new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer())) {
      List<TopicPartition> partitions =
          consumer.partitionsFor(args[1], Duration.ofSeconds(10)).stream()
              .map(info -> new TopicPartition(args[1], info.partition()))
              .toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
      long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
      while (partitions.stream().anyMatch(p -> consumer.position(p) < ends.get(p))
          && System.nanoTime() < deadline) {
        consumer.poll(Duration.ofMillis(200))
            .forEach(record -> System.out.println(record.key() + "\t" + record.value()));
      }
    }
  }
}
