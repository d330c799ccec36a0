package com.example.ordersaga.order;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.ordersaga.common.participant.testing.PostgresDatabases;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The outbox relays of several order-service replicas share one PostgreSQL database: a poll's claim
 * ({@code outbox-claim.sql}, in the relay's transaction) holds its rows until that transaction
 * ends, so another relay polling meanwhile gets other rows or none, never the same, and does not
 * wait for them; the rows a poll claimed and did not mark sent, or whose relay died, are pending
 * again for the next.
 */
@SpringBootTest(properties = {TestProperties.NO_COORDINATOR, TestProperties.NO_KAFKA})
@DirtiesContext
class OutboxClaimPostgresIT {

  private static String databaseUrl;

  @Autowired DataSource dataSource;
  @Autowired JdbcTemplate jdbc;

  @DynamicPropertySource
  static void postgres(DynamicPropertyRegistry registry) {
    databaseUrl = PostgresDatabases.useFreshDatabase(registry, "order");
  }

  @AfterAll
  static void dropDatabase() {
    if (databaseUrl != null) {
      PostgresDatabases.drop(databaseUrl);
    }
  }

  @BeforeEach
  void fivePendingEvents() {
    jdbc.update("DELETE FROM order_outbox");
    for (int i = 0; i < 5; i++) {
      String orderId = "order-" + UUID.randomUUID();
      jdbc.update(
          "INSERT INTO orders (order_id, lra_id, user_id, payment_method, total_amount,"
              + " points_used, paid_amount, status, created_at, updated_at) VALUES (?, 'lra-1',"
              + " 'user-1', 'CARD', 1000, 0, 1000, 'COMPLETED', CURRENT_TIMESTAMP,"
              + " CURRENT_TIMESTAMP)",
          orderId);
      jdbc.update(
          "INSERT INTO order_outbox (event_id, order_id, event_type, payload, created_at)"
              + " VALUES (?, ?, 'ORDER_COMPLETED', '{}', CURRENT_TIMESTAMP)",
          UUID.randomUUID().toString(),
          orderId);
    }
  }

  @Test
  void aSecondRelayGetsNoneOfTheRowsAnotherHoldsAndThoseNotMarkedSentComeBack() throws Exception {
    try (Connection first = relayTransaction();
        Connection second = relayTransaction()) {
      List<Long> claimed = claim(first);
      assertThat(claimed).hasSize(5);
      assertThat(claim(second)).as("while the first relay holds them").isEmpty();

      markSent(first, claimed.subList(0, 3));
      first.commit();

      assertThat(claim(second))
          .as("the two the first relay claimed and did not publish")
          .containsExactlyElementsOf(claimed.subList(3, 5));
      second.rollback();
    }
  }

  @Test
  void theRowsOfARelayThatDiedArePendingForTheOthers() throws Exception {
    List<Long> claimed;
    try (Connection dying = relayTransaction()) {
      claimed = claim(dying);
      assertThat(claimed).hasSize(5);
      // Its connection ends without a commit, as when the process is killed.
    }
    try (Connection survivor = relayTransaction()) {
      assertThat(claim(survivor)).containsExactlyElementsOf(claimed);
      survivor.rollback();
    }
  }

  private Connection relayTransaction() throws SQLException {
    Connection connection = dataSource.getConnection();
    connection.setAutoCommit(false);
    try (Statement statement = connection.createStatement()) {
      // A claim must skip held rows, not wait for them.
      statement.execute("SET LOCAL lock_timeout = '2s'");
    }
    return connection;
  }

  private static List<Long> claim(Connection connection) throws SQLException, IOException {
    String sql =
        new ClassPathResource("sql/order/outbox-claim.sql")
            .getContentAsString(StandardCharsets.UTF_8);
    List<Long> seqs = new ArrayList<>();
    try (Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery(sql)) {
      while (rows.next()) {
        seqs.add(rows.getLong("seq"));
      }
    }
    return seqs;
  }

  private static void markSent(Connection connection, List<Long> seqs) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      for (long seq : seqs) {
        statement.executeUpdate(
            "UPDATE order_outbox SET sent_at = CURRENT_TIMESTAMP WHERE seq = " + seq);
      }
    }
  }
}
