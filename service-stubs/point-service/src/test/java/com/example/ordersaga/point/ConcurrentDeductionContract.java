package com.example.ordersaga.point;

import static com.example.ordersaga.point.PointFixtures.BOB;
import static org.assertj.core.api.Assertions.assertThat;

import com.example.ordersaga.common.participant.errors.BusinessRejection;
import com.example.ordersaga.common.participant.errors.RejectionReason;
import com.example.ordersaga.point.api.DeductPointsRequest;
import com.example.ordersaga.point.api.PointParticipant;
import com.example.ordersaga.point.domain.PointAccounts;
import com.example.ordersaga.point.domain.PointBalance;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * 50 sagas deduct 100 points each, at once, from a balance of 1000: exactly 10 succeed, the balance
 * ends at 0 (never below), the ledger holds 10 deductions. Run on each supported database.
 */
abstract class ConcurrentDeductionContract {

  private static final int SAGAS = 50;
  private static final long POINTS_PER_ORDER = 100;
  private static final long BALANCE_FOR_TEN_ORDERS = 10 * POINTS_PER_ORDER;

  @Autowired PointParticipant participant;
  @Autowired PointAccounts accounts;
  @Autowired JdbcTemplate jdbc;

  @Test
  void exactlyTheAffordableDeductionsSucceed() throws Exception {
    accounts.setBalance(BOB, BALANCE_FOR_TEN_ORDERS);
    CountDownLatch start = new CountDownLatch(1);
    List<Callable<String>> sagas = new ArrayList<>();
    for (int i = 0; i < SAGAS; i++) {
      sagas.add(
          () -> {
            start.await();
            try {
              participant.deduct(
                  PointFixtures.newLra(),
                  BOB,
                  new DeductPointsRequest(PointFixtures.newOrderId(), POINTS_PER_ORDER),
                  null);
              return "OK";
            } catch (BusinessRejection rejection) {
              return rejection.reason().name();
            }
          });
    }

    ExecutorService pool = Executors.newFixedThreadPool(SAGAS);
    List<Future<String>> outcomes = sagas.stream().map(pool::submit).toList();
    start.countDown();
    List<String> results = new ArrayList<>();
    for (Future<String> outcome : outcomes) {
      results.add(outcome.get());
    }
    pool.shutdown();

    assertThat(results).filteredOn("OK"::equals).hasSize(10);
    assertThat(results)
        .filteredOn(RejectionReason.INSUFFICIENT_POINTS.name()::equals)
        .hasSize(SAGAS - 10);
    assertThat(accounts.balance(BOB).balance()).isZero();
    assertThat(
            jdbc.queryForObject(
                "SELECT COUNT(*) FROM point_movement WHERE user_id = ? AND kind = 'DEDUCT'",
                Integer.class,
                BOB))
        .isEqualTo(10);
    assertThat(
            jdbc.queryForObject(
                "SELECT COUNT(*) FROM participant_ledger WHERE state = 'APPLIED'", Integer.class))
        .isEqualTo(10);
    // The read side shows the same, on every database.
    assertThat(accounts.balances()).contains(new PointBalance(BOB, 0));
    assertThat(accounts.movements())
        .filteredOn(movement -> movement.userId().equals(BOB))
        .hasSize(10)
        .allSatisfy(
            movement -> {
              assertThat(movement.kind()).isEqualTo("DEDUCT");
              assertThat(movement.points()).isEqualTo(POINTS_PER_ORDER);
              assertThat(movement.at()).isNotNull();
            });
  }
}
