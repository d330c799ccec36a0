package com.example.ordersaga.common.participant;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code ordersaga.participant.*}: the callback secret and the fault-injection switch. Defaults
 * live in {@code ordersaga-system.yml} (profile {@code prod} turns fault injection off and requires
 * a real secret).
 */
@ConfigurationProperties("ordersaga.participant")
public record ParticipantProperties(
    String callbackSecret, boolean faultInjection, @DefaultValue("45s") Duration slowDelay) {}
