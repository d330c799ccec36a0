package com.example.ordersaga.routes.notify;

import com.example.ordersaga.common.events.OrderEvent;
import com.example.ordersaga.common.events.OrderEventType;
import com.example.ordersaga.common.tracing.ExchangeSpans;
import com.example.ordersaga.common.tracing.SagaBaggage;
import com.example.ordersaga.routes.saga.SagaRun;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.component.kafka.KafkaConstants;
import org.apache.camel.component.kafka.consumer.KafkaManualCommit;
import org.apache.camel.http.base.HttpOperationFailedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the notifier route does with one record of {@code order-events}: read the event, build the
 * call to the completion API, decide which failures are worth retrying, hold the record back while
 * the partner fails, park on the dead-letter topic what will not pass, and commit the record's
 * offset once it is done with.
 */
public class CompletionCalls {

  private static final Logger log = LoggerFactory.getLogger(CompletionCalls.class);

  public static final String EVENT = "orderEvent";

  /** The record as consumed, its offset's commit and the attempts: what parking needs. */
  private static final String RECORD_KEY = "eventRecordKey";

  private static final String RECORD_VALUE = "eventRecordValue";
  private static final String COMMIT = "eventOffsetCommit";
  private static final String ATTEMPTS = "completionCallAttempts";
  public static final String IDEMPOTENCY_KEY = "Idempotency-Key";

  /** 4xx answers that may succeed later; every other 4xx is final. */
  private static final Set<Integer> RETRYABLE_CLIENT_ERRORS = Set.of(408, 429);

  private final ObjectMapper json;
  private final Duration parkAfter;
  private final Clock clock;
  private final Counter parked;

  /** When the event in hand occurred; null between records (one consumer thread). */
  private final AtomicReference<Instant> inHandSince = new AtomicReference<>();

  /**
   * @param parkAfter how long after its order completed an event may wait for a failing partner
   * @param registry where {@code notifier_parked_total} is counted and {@code notifier_lag_seconds}
   *     read
   */
  public CompletionCalls(
      ObjectMapper json, Duration parkAfter, Clock clock, MeterRegistry registry) {
    this.json = json;
    this.parkAfter = parkAfter;
    this.clock = clock;
    this.parked =
        Counter.builder("notifier.parked")
            .description("Records parked on the dead-letter topic")
            .register(registry);
    Gauge.builder("notifier.lag", this, CompletionCalls::lagSeconds)
        .description(
            "How long ago the event the notifier is working on occurred (0 when it has none):"
                + " grows while the partner fails")
        .baseUnit("seconds")
        .register(registry);
  }

  private double lagSeconds() {
    Instant since = inHandSince.get();
    return since == null
        ? 0
        : Math.max(0, Duration.between(since, clock.instant()).toMillis() / 1e3);
  }

  /** The record's JSON as an {@link OrderEvent}; anything else is parked unread. */
  public void read(Exchange exchange) {
    Message message = exchange.getMessage();
    String body = message.getBody(String.class);
    exchange.setProperty(RECORD_KEY, message.getHeader(KafkaConstants.KEY));
    exchange.setProperty(RECORD_VALUE, body);
    exchange.setProperty(COMMIT, message.getHeader(KafkaConstants.MANUAL_COMMIT));
    exchange.setProperty(ATTEMPTS, 1);
    try {
      OrderEvent event = json.readValue(body, OrderEvent.class);
      if (event.eventId() == null || event.orderId() == null || event.type() == null) {
        throw new UnreadableEvent("event without eventId, orderId or type: " + body, null);
      }
      exchange.setProperty(EVENT, event);
      inHandSince.set(event.occurredAt() == null ? clock.instant() : event.occurredAt());
      // In the logging MDC, as the saga's own lines (camel.mdc.custom-exchange-properties).
      exchange.setProperty(SagaRun.MDC_ORDER_ID, event.orderId());
      exchange.setProperty(SagaRun.MDC_LRA_ID, event.lraId());
      ExchangeSpans.nameOrder(exchange, event.orderId(), event.lraId());
    } catch (JsonProcessingException notAnEvent) {
      throw new UnreadableEvent(
          "not an order event: " + notAnEvent.getOriginalMessage(), notAnEvent);
    }
  }

  public static boolean completed(Exchange exchange) {
    return exchange.getProperty(EVENT, OrderEvent.class).type() == OrderEventType.ORDER_COMPLETED;
  }

  /** The partner gets the event itself, keyed by the order so its replays are harmless. */
  public void prepareCall(Exchange exchange) throws JsonProcessingException {
    OrderEvent event = exchange.getProperty(EVENT, OrderEvent.class);
    Message message = exchange.getMessage();
    message.removeHeaders("*");
    message.setHeader(Exchange.HTTP_METHOD, "POST");
    message.setHeader(Exchange.HTTP_PATH, "/completions");
    message.setHeader(Exchange.CONTENT_TYPE, "application/json");
    message.setHeader(IDEMPOTENCY_KEY, event.orderId());
    SagaBaggage.carry(message, event.orderId(), event.lraId());
    message.setBody(json.writeValueAsString(event));
  }

  /** The redelivery policy is about to call again. */
  public static void countAttempt(Exchange exchange) {
    exchange.setProperty(ATTEMPTS, exchange.getProperty(ATTEMPTS, 1, Integer.class) + 1);
  }

  /** A 4xx other than 408/429 will not change by retrying: straight to the dead-letter topic. */
  public static boolean finalRefusal(Exchange exchange) {
    return finalRefusal(exchange.getException()); // onException's onWhen sees it here
  }

  private static boolean finalRefusal(Throwable caught) {
    return caught instanceof HttpOperationFailedException http
        && http.getStatusCode() >= 400
        && http.getStatusCode() < 500
        && !RETRYABLE_CLIENT_ERRORS.contains(http.getStatusCode());
  }

  /**
   * After the retries of one call: if the partner still fails in a way that may pass, and the order
   * completed less than {@code parkAfter} ago, the record is not parked but held back. This throws
   * {@link PartnerStillFailing}; the consumer (breakOnFirstError) then goes back to the record and
   * calls again, so during an outage the events wait in Kafka, where they already are, and the
   * first call after the partner's return goes through. An event the partner refuses for good, one
   * that is no event, or one past its budget falls through to be parked.
   */
  public void holdBackWhilePartnerFails(Exchange exchange) {
    Throwable caught = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
    OrderEvent event = exchange.getProperty(EVENT, OrderEvent.class);
    if (event == null || caught instanceof UnreadableEvent || finalRefusal(caught)) {
      return;
    }
    Instant parkFrom =
        event.occurredAt() == null ? Instant.MIN : event.occurredAt().plus(parkAfter);
    if (clock.instant().isBefore(parkFrom)) {
      log.warn(
          "completion API still failing after {} attempt(s) ({}); order {}'s event waits in Kafka"
              + " and is tried again (parked only if still failing after {})",
          exchange.getProperty(ATTEMPTS),
          String.valueOf(caught),
          event.orderId(),
          parkFrom);
      throw new PartnerStillFailing(event.orderId(), caught);
    }
  }

  /**
   * The dead-letter record: the original event under its key, with why and after how many attempts.
   * Its eventId is not recorded as notified (that happens only after a call succeeded), so
   * re-publishing the event from the DLT retries it.
   */
  public void park(Exchange exchange) {
    Throwable caught = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
    Message message = exchange.getMessage();
    message.removeHeaders("*");
    message.setHeader(KafkaConstants.KEY, exchange.getProperty(RECORD_KEY));
    message.setHeader("x-error", String.valueOf(caught));
    message.setHeader("x-attempts", String.valueOf(exchange.getProperty(ATTEMPTS)));
    message.setBody(exchange.getProperty(RECORD_VALUE));
    log.error(
        "parking the event of order {} on the dead-letter topic after {} attempt(s): {}",
        exchange.getProperty(RECORD_KEY),
        exchange.getProperty(ATTEMPTS),
        String.valueOf(caught));
  }

  /** The dead-letter topic took the record. */
  public void countParked(Exchange exchange) {
    parked.increment();
  }

  /** Done with the record (called, skipped or parked): its offset may be committed. */
  public void commit(Exchange exchange) {
    exchange.getProperty(COMMIT, KafkaManualCommit.class).commit();
    inHandSince.set(null);
  }
}
