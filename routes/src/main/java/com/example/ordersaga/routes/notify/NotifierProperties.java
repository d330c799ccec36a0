package com.example.ordersaga.routes.notify;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code ordersaga.notifier.*}: the consumer of {@code order-events} that calls the external
 * completion API; its retries of one call (the delay doubles per attempt up to {@code maxDelay});
 * and {@code parkAfter}, how long after the order completed its event may still wait for a failing
 * partner before it is parked on the dead-letter topic.
 */
@ConfigurationProperties("ordersaga.notifier")
public record NotifierProperties(
    @DefaultValue("true") boolean enabled,
    @DefaultValue("order-completion-notifier") String groupId,
    @DefaultValue("10") int maxRedeliveries,
    @DefaultValue("500ms") Duration initialDelay,
    @DefaultValue("30s") Duration maxDelay,
    @DefaultValue("6h") Duration parkAfter) {}
