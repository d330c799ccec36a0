package com.example.ordersaga.common.events;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/** For the deployables that talk to Kafka (they depend on camel-kafka): the topics exist. */
@AutoConfiguration
@ConditionalOnClass(name = "org.apache.kafka.clients.admin.Admin")
@EnableConfigurationProperties(EventsProperties.class)
public class EventsAutoConfiguration {

  @Bean
  EventTopics eventTopics(
      @Value("${ordersaga.kafka-bootstrap-servers}") String bootstrapServers,
      EventsProperties properties) {
    return new EventTopics(bootstrapServers, properties);
  }
}
