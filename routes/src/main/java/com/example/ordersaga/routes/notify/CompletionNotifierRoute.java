package com.example.ordersaga.routes.notify;

import org.apache.camel.LoggingLevel;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.spi.IdempotentRepository;
import org.springframework.stereotype.Component;

/**
 * Step 7 of the brief, off the saga's path: every {@code ORDER_COMPLETED} on {@code order-events}
 * becomes one call to the external completion API. Failures that may pass (5xx, 408, 429, timeouts,
 * refused connections) are redelivered with a doubling delay; if the partner still fails, the
 * consumer goes back to that record and starts over, so while the partner is down nothing moves on
 * and nothing is parked: the events wait in Kafka. Parked on {@code order-events.DLT} are only an
 * event the partner refuses for good (at once), one that is no event, and one the partner still
 * fails {@code park-after} (6 h) after its order completed. A record's offset is committed only
 * when it was called, skipped or parked, so a crash or an outage loses nothing.
 */
@Component
public class CompletionNotifierRoute extends RouteBuilder {

  private static final String PARK = "direct:park-order-event";

  private final CompletionCalls calls;
  private final IdempotentRepository notified;
  private final NotifierProperties properties;

  public CompletionNotifierRoute(
      CompletionCalls calls, IdempotentRepository notified, NotifierProperties properties) {
    this.calls = calls;
    this.notified = notified;
    this.properties = properties;
  }

  @Override
  public void configure() {
    errorHandler(
        deadLetterChannel(PARK)
            // If the DLT cannot take the event either, fail: the offset stays uncommitted.
            .deadLetterHandleNewException(false)
            .onRedelivery(CompletionCalls::countAttempt)
            .maximumRedeliveries(properties.maxRedeliveries())
            .redeliveryDelay(properties.initialDelay().toMillis())
            .useExponentialBackOff()
            .backOffMultiplier(2)
            .maximumRedeliveryDelay(properties.maxDelay().toMillis())
            .retryAttemptedLogLevel(LoggingLevel.WARN));
    onException(UnreadableEvent.class).maximumRedeliveries(0);
    onException(Exception.class).onWhen(CompletionCalls::finalRefusal).maximumRedeliveries(0);

    from("kafka:{{ordersaga.events.topic}}"
            + "?groupId={{ordersaga.notifier.group-id}}"
            + "&autoOffsetReset=earliest"
            + "&autoCommitEnable=false&allowManualCommit=true"
            + "&breakOnFirstError=true"
            + "&maxPollRecords=5&maxPollIntervalMs=1200000"
            // Sees the topic soon after it is created, when the broker came up after us.
            + "&metadataMaxAgeMs=10000")
        .routeId("order-events-notifier")
        .autoStartup(properties.enabled())
        .process(calls::read)
        .filter(CompletionCalls::completed)
        .idempotentConsumer(simple("${exchangeProperty." + CompletionCalls.EVENT + ".eventId}"))
        .idempotentRepository(notified)
        // Recorded once the call succeeded, not before: an eventId stored before a crash mid-call
        // would make the restarted consumer skip the re-read record and lose the notification.
        .eager(false)
        .process(calls::prepareCall)
        .to("{{ordersaga.urls.completion-api}}")
        .log(
            LoggingLevel.INFO,
            "order ${exchangeProperty.orderId}: completion API answered ${header.CamelHttpResponseCode}")
        .end()
        .end()
        .process(calls::commit);

    from(PARK)
        .routeId("order-events-park")
        .errorHandler(noErrorHandler())
        .process(calls::holdBackWhilePartnerFails)
        .process(calls::park)
        .to(
            "kafka:{{ordersaga.events.dead-letter-topic}}?requestRequiredAcks=all&enableIdempotence=true")
        .process(calls::countParked)
        .process(calls::commit);
  }
}
