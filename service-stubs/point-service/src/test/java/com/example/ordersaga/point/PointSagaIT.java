package com.example.ordersaga.point;

import static org.assertj.core.api.Assertions.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.example.ordersaga.common.participant.callback.CallbackTokens;
import com.example.ordersaga.common.participant.faults.FaultInjection;
import com.example.ordersaga.common.participant.testing.ParticipantIT;
import com.example.ordersaga.point.api.PointParticipant;
import com.example.ordersaga.point.domain.PointAccounts;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.Map;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** point-service as a real participant of LRAs on the real Narayana coordinator. */
@ExtendWith(OutputCaptureExtension.class)
class PointSagaIT extends ParticipantIT {

  private static final long START_BALANCE = 5_000;
  private static final CallbackTokens.Endpoints ENDPOINTS =
      new CallbackTokens.Endpoints("direct://point-refund", "direct://point-deduct-closed");

  @Autowired PointAccounts accounts;
  @Autowired CallbackTokens tokens;
  private String user;

  @BeforeEach
  void freshUser() {
    user = uniqueId("user");
    accounts.setBalance(user, START_BALANCE);
  }

  @Test
  void cancelledSagaIsRefundedByTheCoordinatorsCallback() throws Exception {
    URI lra = startLra();

    HttpResponse<String> deducted = deduct(lra, 1_200);
    assertThat(deducted.statusCode()).as(deducted.body()).isEqualTo(200);
    assertThat(balance()).isEqualTo(START_BALANCE - 1_200);

    lras.cancel(lra);

    await().atMost(CALLBACK_WAIT).until(() -> balance() == START_BALANCE);
  }

  @Test
  void closedSagaKeepsTheDeduction() throws Exception {
    URI lra = startLra();
    assertThat(deduct(lra, 700).statusCode()).isEqualTo(200);

    lras.close(lra);

    await().atMost(CALLBACK_WAIT).until(() -> lras.status(lra) == null);
    assertThat(balance()).isEqualTo(START_BALANCE - 700);
  }

  @Test
  void rejectedDeductionAnswers409WithTheReasonAndAppliesNothing() throws Exception {
    URI lra = startLra();

    HttpResponse<String> rejected = deduct(lra, START_BALANCE + 1);

    assertThat(rejected.statusCode()).isEqualTo(409);
    assertThat(rejected.body())
        .contains("\"reason\":\"INSUFFICIENT_POINTS\"", "\"step\":\"point-deduct\"");
    lras.cancel(lra);
    await().atMost(CALLBACK_WAIT).until(() -> lras.status(lra) == null);
    assertThat(balance()).isEqualTo(START_BALANCE);
  }

  @Test
  void forgedCallbacksAreRefusedAndChangeNothing() throws Exception {
    URI lra = startLra();
    assertThat(deduct(lra, 1_000).statusCode()).isEqualTo(200);
    URI otherLra = startLra();

    HttpResponse<String> noToken =
        forgedCallback("compensate", lra, "point-deduct", ENDPOINTS, null);
    HttpResponse<String> wrongToken =
        forgedCallback("compensate", lra, "point-deduct", ENDPOINTS, "AAAAAAAAAAAAAAAAAAAAAAAA");
    HttpResponse<String> tokenOfAnotherLra =
        forgedCallback(
            "compensate",
            lra,
            "point-deduct",
            ENDPOINTS,
            tokens.sign(otherLra.toString(), "point-deduct", ENDPOINTS));

    assertThat(noToken.statusCode()).isEqualTo(401);
    assertThat(wrongToken.statusCode()).isEqualTo(403);
    assertThat(tokenOfAnotherLra.statusCode()).isEqualTo(403);
    assertThat(balance()).isEqualTo(START_BALANCE - 1_000);
    HttpResponse<String> genuine =
        forgedCallback(
            "complete",
            lra,
            "point-deduct",
            ENDPOINTS,
            tokens.sign(lra.toString(), "point-deduct", ENDPOINTS));
    assertThat(genuine.statusCode())
        .as("the same call, correctly signed, passes")
        .isBetween(200, 299);

    lras.close(lra);
    lras.close(otherLra);
    await().atMost(CALLBACK_WAIT).until(() -> lras.status(lra) == null);
    assertThat(balance()).isEqualTo(START_BALANCE - 1_000);
  }

  @Test
  void theFencedCompensationsLogLineNamesTheOrderAndTheLra(CapturedOutput output) throws Exception {
    URI lra = startLra();
    String orderId = uniqueId("order");
    // Fails inside its transaction after joining the LRA: the refund finds nothing to undo.
    HttpResponse<String> failed =
        send(
            "POST",
            "/points/" + user + "/deductions",
            lra,
            "{\"orderId\":\"" + orderId + "\",\"points\":300}",
            Map.of(FaultInjection.HEADER, PointParticipant.STEP));
    assertThat(failed.statusCode()).as(failed.body()).isEqualTo(500);

    lras.cancel(lra);

    await()
        .atMost(CALLBACK_WAIT)
        .untilAsserted(
            () ->
                assertThat(output.getOut().lines())
                    .filteredOn(line -> line.contains("compensated before its action: fenced"))
                    .singleElement(as(InstanceOfAssertFactories.STRING))
                    .contains("[order=" + orderId + " lra=" + lra + "]"));
    assertThat(balance()).isEqualTo(START_BALANCE);
  }

  @Test
  void requestWithoutAnLraIsRefusedBeforeAnythingIsJoined() throws Exception {
    HttpResponse<String> response =
        send(
            "POST", "/points/" + user + "/deductions", null, "{\"orderId\":\"o-1\",\"points\":10}");

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.body()).contains("\"field\":\"Long-Running-Action\"");
    assertThat(balance()).isEqualTo(START_BALANCE);
  }

  private HttpResponse<String> deduct(URI lra, long points) throws Exception {
    return send(
        "POST",
        "/points/" + user + "/deductions",
        lra,
        "{\"orderId\":\"" + uniqueId("order") + "\",\"points\":" + points + "}");
  }

  private long balance() {
    return accounts.balance(user).balance();
  }
}
