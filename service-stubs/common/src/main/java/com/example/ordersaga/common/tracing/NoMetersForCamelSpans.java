package com.example.ordersaga.common.tracing;

import io.micrometer.core.instrument.observation.MeterObservationHandler;
import io.micrometer.observation.Observation;
import io.micrometer.observation.transport.ReceiverContext;
import io.micrometer.observation.transport.SenderContext;

/**
 * Spring Boot's meter handler for every observation but Camel's tracing ones: those observe each
 * endpoint and route and would each be a timer named after its span (a path, a route id), without
 * help text; the routes' metrics are camel-micrometer's. Camel's observations are the plain {@link
 * Observation.Context}s and the sender and receiver contexts whose carrier is one of Camel's.
 */
public class NoMetersForCamelSpans implements MeterObservationHandler<Observation.Context> {

  private static final String CAMEL_PACKAGE = "org.apache.camel.";

  private final MeterObservationHandler<Observation.Context> delegate;

  public NoMetersForCamelSpans(MeterObservationHandler<Observation.Context> delegate) {
    this.delegate = delegate;
  }

  @Override
  public boolean supportsContext(Observation.Context context) {
    return !isCamels(context) && delegate.supportsContext(context);
  }

  static boolean isCamels(Observation.Context context) {
    if (context.getClass() == Observation.Context.class) {
      return true;
    }
    Object carrier =
        context instanceof SenderContext<?> sender
            ? sender.getCarrier()
            : context instanceof ReceiverContext<?> receiver ? receiver.getCarrier() : null;
    return carrier != null && carrier.getClass().getName().startsWith(CAMEL_PACKAGE);
  }

  @Override
  public void onStart(Observation.Context context) {
    delegate.onStart(context);
  }

  @Override
  public void onError(Observation.Context context) {
    delegate.onError(context);
  }

  @Override
  public void onEvent(Observation.Event event, Observation.Context context) {
    delegate.onEvent(event, context);
  }

  @Override
  public void onStop(Observation.Context context) {
    delegate.onStop(context);
  }
}
