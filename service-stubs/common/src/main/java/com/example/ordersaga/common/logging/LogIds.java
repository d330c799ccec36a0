package com.example.ordersaga.common.logging;

import org.apache.camel.Exchange;

/**
 * The ids every log line about an order carries, in every deployable: the logging MDC's keys
 * ({@code camel.mdc.custom-exchange-properties} in ordersaga-system.yml). camel-mdc copies these
 * exchange properties into the MDC of each processor, on whichever thread the exchange runs, so
 * they are set as exchange properties, never on the MDC by hand.
 */
public final class LogIds {

  public static final String ORDER_ID = "orderId";

  public static final String LRA_ID = "lraId";

  private LogIds() {}

  /**
   * Takes the ids from a participant's request or callback: the LRA from its {@code
   * Long-Running-Action} header, the order from an {@link OrderScoped} body or else from an {@code
   * orderId} header (a path parameter, or the saga option a coordinator callback carries). This
   * runs before validation: an id no valid request could carry is left out of the logs.
   */
  public static void fromRequest(Exchange exchange) {
    Object body = exchange.getIn().getBody();
    OrderScoped request = body instanceof OrderScoped scoped ? scoped : null;
    String lraId = exchange.getIn().getHeader(Exchange.SAGA_LONG_RUNNING_ACTION, String.class);
    if (lraId == null && request != null) {
      lraId = request.lraId();
    }
    String orderId =
        request != null ? request.orderId() : exchange.getIn().getHeader(ORDER_ID, String.class);
    keep(exchange, LRA_ID, lraId);
    keep(exchange, ORDER_ID, orderId);
  }

  private static void keep(Exchange exchange, String key, String id) {
    if (id != null && loggable(id)) {
      exchange.setProperty(key, id);
    }
  }

  /** Short and on one line: a hostile id must not forge or flood log lines. */
  public static boolean loggable(String id) {
    return id.length() <= MAX_LENGTH && id.chars().noneMatch(Character::isISOControl);
  }

  private static final int MAX_LENGTH = 255;
}
