package com.example.ordersaga.completion.domain;

import java.util.OptionalInt;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.stereotype.Component;

/**
 * The fault-injection switch of the partner API, in memory. One atomic reference: however many
 * calls arrive at once, {@code failNext = N} fails exactly N of them.
 */
@Component
public class BehaviourSwitch {

  private final AtomicReference<Behaviour> current = new AtomicReference<>(Behaviour.NORMAL);

  public Behaviour current() {
    return current.get();
  }

  public Behaviour set(Behaviour behaviour) {
    current.set(behaviour);
    return behaviour;
  }

  public long delayMs() {
    return current.get().delayMs();
  }

  /** Takes one planned failure, if any is left: the status to answer this call with. */
  public OptionalInt takeFailure() {
    Behaviour before = current.getAndUpdate(Behaviour::afterOneCall);
    return before.failNext() > 0 ? OptionalInt.of(before.status()) : OptionalInt.empty();
  }
}
