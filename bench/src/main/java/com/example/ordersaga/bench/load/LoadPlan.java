package com.example.ordersaga.bench.load;

import java.time.Duration;

/**
 * How load is applied.
 *
 * @param rate orders/s in an open loop, or null for a closed loop
 */
public record LoadPlan(int clients, Duration warmup, Duration duration, Double rate) {

  public boolean openLoop() {
    return rate != null;
  }
}
