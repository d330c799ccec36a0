package com.example.ordersaga.common.participant;

import com.example.ordersaga.common.participant.callback.CallbackSigning;
import com.example.ordersaga.common.participant.errors.RequestValidator;
import com.example.ordersaga.common.participant.ledger.ParticipantSteps;

/**
 * What {@link ParticipantRouteBuilder} needs, injected into a service's routes as one bean. {@code
 * signing} is null in a service without camel-lra (it joins no saga).
 */
public record ParticipantRouting(
    CallbackSigning signing, RequestValidator validator, ParticipantSteps steps) {}
