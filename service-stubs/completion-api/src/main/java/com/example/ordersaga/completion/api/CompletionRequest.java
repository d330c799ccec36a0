package com.example.ordersaga.completion.api;

import com.example.ordersaga.common.logging.OrderScoped;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * Body of {@code POST /completions}: the order's outcome event. Only the order id matters to the
 * partner (the LRA id, when sent, goes into its log lines); the other fields of the event (eventId,
 * type, userId, amounts, occurredAt) are accepted and ignored, as a partner tolerates fields it
 * does not use.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record CompletionRequest(
    @NotBlank @Size(max = 64) String orderId, @Size(max = 255) String lraId)
    implements OrderScoped {}
