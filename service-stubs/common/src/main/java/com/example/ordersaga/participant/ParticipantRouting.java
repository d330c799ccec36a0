package com.example.ordersaga.participant;

/**
 * What {@link ParticipantRouteBuilder} needs, injected into a service's routes as one bean. {@code
 * tokens} is null in a service without camel-lra (it joins no saga).
 */
public record ParticipantRouting(
    CallbackTokens tokens, RequestValidator validator, ParticipantSteps steps) {}
