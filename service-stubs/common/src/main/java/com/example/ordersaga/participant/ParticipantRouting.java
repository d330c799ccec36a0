package com.example.ordersaga.participant;

/** What {@link ParticipantRouteBuilder} needs, injected into a service's routes as one bean. */
public record ParticipantRouting(CallbackTokens tokens, RequestValidator validator) {}
