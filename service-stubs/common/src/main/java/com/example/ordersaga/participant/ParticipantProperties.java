package com.example.ordersaga.participant;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code ordersaga.participant.*}: the callback secret and the fault-injection switch. Defaults
 * live in {@code ordersaga-system.yml} (profile {@code prod} turns fault injection off and requires
 * a real secret).
 */
@ConfigurationProperties("ordersaga.participant")
public record ParticipantProperties(String callbackSecret, boolean faultInjection) {}
