package com.example.ordersaga.product;

import static com.example.ordersaga.product.StockFixtures.DEDUCT;
import static com.example.ordersaga.product.StockFixtures.newLra;
import static com.example.ordersaga.product.StockFixtures.orderOf;
import static com.example.ordersaga.product.StockFixtures.units;
import static org.assertj.core.api.Assertions.assertThat;

import com.example.ordersaga.common.participant.errors.BusinessRejection;
import com.example.ordersaga.common.participant.errors.RejectionReason;
import com.example.ordersaga.product.api.StockParticipant;
import com.example.ordersaga.product.domain.ProductStock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Many sagas racing for the last units of one product: stock never goes negative and every unit is
 * taken exactly once. Run on each database the service supports.
 */
abstract class ConcurrentDeductionContract {

  private static final int SAGAS = 50;
  private static final long IN_STOCK = 10;
  private static final int ONE_UNIT = 1;
  private static final Duration ALL_DONE = Duration.ofSeconds(60);
  private static final String SUCCEEDED = "SUCCEEDED";

  @Autowired StockParticipant participant;
  @Autowired ProductStock stock;
  @Autowired JdbcTemplate jdbc;

  @Test
  void fiftySagasRacingForTenUnitsTakeExactlyTen() throws Exception {
    StockFixtures products = new StockFixtures(stock, jdbc);
    String product = products.productWithStock(IN_STOCK);
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService sagas = Executors.newFixedThreadPool(SAGAS);
    try {
      List<Future<String>> outcomes = new ArrayList<>();
      for (int i = 0; i < SAGAS; i++) {
        outcomes.add(sagas.submit(oneUnitOf(product, start)));
      }
      start.countDown();

      Map<String, Long> counts = new HashMap<>();
      for (Future<String> outcome : outcomes) {
        counts.merge(outcome.get(ALL_DONE.toSeconds(), TimeUnit.SECONDS), 1L, Long::sum);
      }

      assertThat(counts)
          .containsExactlyInAnyOrderEntriesOf(
              Map.of(SUCCEEDED, IN_STOCK, RejectionReason.OUT_OF_STOCK.name(), SAGAS - IN_STOCK));
      assertThat(products.stockOf(product)).isZero();
      assertThat(products.movements(product, DEDUCT)).isEqualTo(IN_STOCK);
      // The read side shows the same, on every database.
      assertThat(stock.products()).contains(stock.product(product));
      assertThat(stock.movements())
          .filteredOn(movement -> movement.productId().equals(product))
          .hasSize((int) IN_STOCK)
          .allSatisfy(
              movement -> {
                assertThat(movement.kind()).isEqualTo(DEDUCT);
                assertThat(movement.quantity()).isEqualTo(ONE_UNIT);
                assertThat(movement.at()).isNotNull();
              });
    } finally {
      sagas.shutdownNow();
    }
  }

  private Callable<String> oneUnitOf(String product, CountDownLatch start) {
    return () -> {
      start.await();
      try {
        participant.deduct(newLra(), orderOf(units(ONE_UNIT, product)), null);
        return SUCCEEDED;
      } catch (BusinessRejection rejection) {
        return rejection.reason().name();
      }
    };
  }
}
