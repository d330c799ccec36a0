package com.example.ordersaga.common.events;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.InitializingBean;

/**
 * Creates {@code order-events} and its dead-letter topic with the configured partitions and
 * replication (the broker does not auto-create topics). Done on a background thread, retried with a
 * growing pause while the broker is unreachable: a service starts, and its saga steps run, whether
 * or not Kafka is up; the relay and the notifier catch up once the topics exist.
 */
public class EventTopics implements InitializingBean, DisposableBean {

  private static final Logger log = LoggerFactory.getLogger(EventTopics.class);
  private static final Duration ATTEMPT_TIMEOUT = Duration.ofSeconds(5);
  private static final Duration MAX_BACKOFF = Duration.ofSeconds(30);

  private final String bootstrapServers;
  private final EventsProperties properties;
  private volatile Thread retrying;

  public EventTopics(String bootstrapServers, EventsProperties properties) {
    this.bootstrapServers = bootstrapServers;
    this.properties = properties;
  }

  @Override
  public void afterPropertiesSet() {
    Thread thread = new Thread(this::retryUntilCreated, "event-topics");
    thread.setDaemon(true);
    thread.start();
    retrying = thread;
  }

  @Override
  public void destroy() {
    Thread thread = retrying;
    if (thread != null) {
      thread.interrupt();
    }
  }

  private void retryUntilCreated() {
    Duration backoff = Duration.ofSeconds(1);
    while (!tryCreate(ATTEMPT_TIMEOUT) && !Thread.currentThread().isInterrupted()) {
      try {
        Thread.sleep(backoff.toMillis());
      } catch (InterruptedException stopping) {
        return;
      }
      Duration doubled = backoff.multipliedBy(2);
      backoff = doubled.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : doubled;
    }
  }

  private boolean tryCreate(Duration timeout) {
    Map<String, Object> config =
        Map.of(
            AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
            AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) timeout.toMillis(),
            AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) timeout.toMillis());
    List<NewTopic> topics =
        List.of(
            new NewTopic(
                properties.topic(), properties.partitions(), properties.replicationFactor()),
            new NewTopic(
                properties.deadLetterTopic(),
                properties.partitions(),
                properties.replicationFactor()));
    Admin admin = Admin.create(config);
    try {
      for (var result : admin.createTopics(topics).values().entrySet()) {
        try {
          result.getValue().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
          log.info("created topic {}", result.getKey());
        } catch (ExecutionException failed) {
          if (!(failed.getCause() instanceof TopicExistsException)) {
            throw failed;
          }
        }
      }
      return true;
    } catch (ExecutionException | TimeoutException | RuntimeException unreachable) {
      log.warn(
          "cannot create topics {} at {} yet ({}); retrying",
          topics.stream().map(NewTopic::name).toList(),
          bootstrapServers,
          unreachable.toString());
      return false;
    } catch (InterruptedException stopping) {
      Thread.currentThread().interrupt();
      return false;
    } finally {
      admin.close(Duration.ofSeconds(1));
    }
  }
}
