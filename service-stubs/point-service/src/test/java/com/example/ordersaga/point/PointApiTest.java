package com.example.ordersaga.point;

import static com.example.ordersaga.point.PointFixtures.ALICE;
import static com.example.ordersaga.point.PointFixtures.BOB;
import static com.example.ordersaga.point.PointFixtures.newLra;
import static com.example.ordersaga.point.PointFixtures.newOrderId;
import static org.assertj.core.api.Assertions.assertThat;

import com.example.ordersaga.point.api.DeductPointsRequest;
import com.example.ordersaga.point.api.PointParticipant;
import com.example.ordersaga.point.domain.PointAccounts;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * The read side of point-service over HTTP: one balance, every balance and the whole ledger. An LRA
 * coordinator is never reached: the steps are called on the participant directly.
 */
@PointServiceOnH2
class PointApiTest {

  private static final long START_BALANCE = 1_000;
  private static final long DEDUCTED = 300;

  @Autowired TestRestTemplate http;
  @Autowired PointParticipant participant;
  @Autowired PointAccounts accounts;
  @Autowired ObjectMapper json;

  @Test
  void aBalanceReadsByUserIdAndAnUnknownUserIs404() throws Exception {
    accounts.setBalance(ALICE, START_BALANCE);

    ResponseEntity<String> alice = http.getForEntity("/points/" + ALICE, String.class);
    ResponseEntity<String> nobody = http.getForEntity("/points/nobody", String.class);

    assertThat(alice.getStatusCode()).as(alice.getBody()).isEqualTo(HttpStatus.OK);
    assertThat(json.readTree(alice.getBody()))
        .isEqualTo(
            json.readTree("{\"userId\":\"" + ALICE + "\",\"balance\":" + START_BALANCE + "}"));
    assertThat(nobody.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
  }

  @Test
  void everyAccountIsListedByUserIdWithItsBalance() throws Exception {
    accounts.setBalance(ALICE, START_BALANCE);
    accounts.setBalance(BOB, 0);

    JsonNode listed = getArray("/points");

    List<String> userIds = listed.findValuesAsText("userId");
    assertThat(userIds).contains(ALICE, BOB, "user-1", "user-100").doesNotHaveDuplicates();
    assertThat(userIds).isSorted();
    assertThat(accountOf(listed, ALICE))
        .isEqualTo(json.readTree(http.getForEntity("/points/" + ALICE, String.class).getBody()));
    assertThat(accountOf(listed, BOB).path("balance").asLong()).isZero();
  }

  @Test
  void theLedgerListsADeductionAndTheRefundThatCompensatedIt() throws Exception {
    accounts.setBalance(ALICE, START_BALANCE);
    String lra = newLra();
    String orderId = newOrderId();
    participant.deduct(lra, ALICE, new DeductPointsRequest(orderId, DEDUCTED), null);
    participant.refund(lra);

    List<JsonNode> ofOrder =
        elements(getArray("/movements"))
            .filter(movement -> movement.path("orderId").asText().equals(orderId))
            .toList();

    assertThat(ofOrder)
        .extracting(movement -> movement.path("kind").asText())
        .containsExactly("DEDUCT", "REFUND");
    assertThat(ofOrder)
        .allSatisfy(
            movement -> {
              assertThat(movement.fieldNames())
                  .toIterable()
                  .containsExactly("orderId", "userId", "kind", "points", "lraId", "at");
              assertThat(movement.path("userId").asText()).isEqualTo(ALICE);
              assertThat(movement.path("points").asLong()).isEqualTo(DEDUCTED);
              assertThat(movement.path("lraId").asText()).isEqualTo(lra);
              assertThat(Instant.parse(movement.path("at").asText()))
                  .isBeforeOrEqualTo(Instant.now());
            });
    assertThat(accounts.balance(ALICE).balance()).isEqualTo(START_BALANCE);
  }

  private JsonNode getArray(String path) throws Exception {
    ResponseEntity<String> response = http.getForEntity(path, String.class);
    assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(HttpStatus.OK);
    JsonNode body = json.readTree(response.getBody());
    assertThat(body.isArray()).as(response.getBody()).isTrue();
    return body;
  }

  private static JsonNode accountOf(JsonNode accounts, String userId) {
    return elements(accounts)
        .filter(account -> account.path("userId").asText().equals(userId))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no account of " + userId));
  }

  private static Stream<JsonNode> elements(JsonNode array) {
    return StreamSupport.stream(array.spliterator(), false);
  }
}
