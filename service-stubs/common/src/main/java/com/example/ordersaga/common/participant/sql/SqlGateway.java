package com.example.ordersaga.common.participant.sql;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.component.sql.SqlConstants;

/**
 * Runs the SQL files under {@code src/main/resources/sql/} through camel-sql. Named parameters
 * ({@code :#name}) come from the map given. camel-sql executes on Spring's JdbcTemplate, so every
 * statement joins the caller's local transaction.
 */
public class SqlGateway {

  private final ProducerTemplate producer;

  public SqlGateway(ProducerTemplate producer) {
    this.producer = producer;
  }

  /** Rows of a SELECT, column names lower case. */
  @SuppressWarnings("unchecked")
  public List<Map<String, Object>> query(String sqlFile, Map<String, ?> parameters) {
    return (List<Map<String, Object>>) execute(sqlFile, parameters).getMessage().getBody();
  }

  public Optional<Map<String, Object>> queryOne(String sqlFile, Map<String, ?> parameters) {
    List<Map<String, Object>> rows = query(sqlFile, parameters);
    if (rows.size() > 1) {
      throw new IllegalStateException(
          sqlFile + " returned " + rows.size() + " rows, expected 0..1");
    }
    return rows.stream().findFirst();
  }

  /** Rows changed by an INSERT, UPDATE or DELETE. */
  public int update(String sqlFile, Map<String, ?> parameters) {
    Integer count =
        execute(sqlFile, parameters)
            .getMessage()
            .getHeader(SqlConstants.SQL_UPDATE_COUNT, Integer.class);
    return count == null ? 0 : count;
  }

  /**
   * A TIMESTAMP WITH TIME ZONE column as an instant: H2 returns it as an OffsetDateTime, the
   * PostgreSQL driver as a Timestamp.
   */
  public static Instant instant(Object value) {
    if (value instanceof OffsetDateTime offset) {
      return offset.toInstant();
    }
    if (value instanceof Timestamp timestamp) {
      return timestamp.toInstant();
    }
    throw new IllegalStateException("unexpected timestamp type " + value);
  }

  private Exchange execute(String sqlFile, Map<String, ?> parameters) {
    Exchange exchange =
        producer.send("sql:classpath:sql/" + sqlFile, e -> e.getIn().setBody(parameters));
    Exception failure = exchange.getException();
    if (failure instanceof RuntimeException runtime) {
      throw runtime; // e.g. a DataAccessException: rolls the local transaction back
    }
    if (failure != null) {
      throw new CamelExecutionException("SQL " + sqlFile + " failed", exchange, failure);
    }
    return exchange;
  }
}
