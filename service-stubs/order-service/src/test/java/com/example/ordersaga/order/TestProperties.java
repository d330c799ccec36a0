package com.example.ordersaga.order;

/** Test configuration shared by the Spring Boot tests. */
public final class TestProperties {

  /**
   * A private in-memory H2 per application context, in the system's H2 mode (PostgreSQL), instead
   * of the file database under data/ that a live stack uses.
   */
  public static final String IN_MEMORY_DATABASE =
      "spring.datasource.url=jdbc:h2:mem:order-${random.uuid};DB_CLOSE_DELAY=-1;"
          + "${ordersaga.h2-options}";

  /** Nothing listens there: a *Test that reached the coordinator by mistake fails loudly. */
  public static final String NO_COORDINATOR = "camel.lra.coordinator-url=http://127.0.0.1:9";

  /**
   * For the tests that are not about events: neither the topics nor the outbox relay reach for a
   * broker (by default localhost:9092, a live stack's), so outbox rows stay pending.
   */
  public static final String NO_KAFKA =
      """
      spring.autoconfigure.exclude=com.example.ordersaga.common.events.EventsAutoConfiguration
      ordersaga.outbox.relay-enabled=false
      """;

  /** Undoes {@link #NO_KAFKA} for the tests about events, which bring a broker of their own. */
  public static final String WITH_KAFKA =
      """
      spring.autoconfigure.exclude=
      ordersaga.outbox.relay-enabled=true
      """;

  private TestProperties() {}
}
