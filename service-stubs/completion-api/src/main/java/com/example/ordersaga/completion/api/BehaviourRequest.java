package com.example.ordersaga.completion.api;

import com.example.ordersaga.completion.domain.Behaviour;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.PositiveOrZero;

/**
 * Body of {@code PUT /admin/behaviour}; replaces the whole behaviour, a missing field takes its
 * normal value ({@code {}} restores normal service).
 */
public record BehaviourRequest(
    @PositiveOrZero Integer failNext,
    @Min(400) @Max(599) Integer status,
    @Min(0) @Max(60_000) Long delayMs) {

  public Behaviour toBehaviour() {
    return new Behaviour(
        failNext == null ? 0 : failNext,
        status == null ? Behaviour.DEFAULT_FAILURE_STATUS : status,
        delayMs == null ? 0 : delayMs);
  }
}
