package com.example.ordersaga.common.events;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** {@code ordersaga.events.*}: the outcome topic, its dead-letter topic and their layout. */
@ConfigurationProperties("ordersaga.events")
public record EventsProperties(
    @DefaultValue("order-events") String topic,
    @DefaultValue("order-events.DLT") String deadLetterTopic,
    @DefaultValue("3") int partitions,
    @DefaultValue("1") short replicationFactor) {}
