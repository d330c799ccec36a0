package com.example.ordersaga.product;

import static com.example.ordersaga.product.StockFixtures.DEDUCT;
import static com.example.ordersaga.product.StockFixtures.RESTORE;
import static com.example.ordersaga.product.StockFixtures.SORTS_FIRST;
import static com.example.ordersaga.product.StockFixtures.SORTS_LAST;
import static com.example.ordersaga.product.StockFixtures.newLra;
import static com.example.ordersaga.product.StockFixtures.orderOf;
import static com.example.ordersaga.product.StockFixtures.units;
import static com.example.ordersaga.product.StockFixtures.unknownProduct;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.example.ordersaga.common.participant.errors.BusinessRejection;
import com.example.ordersaga.common.participant.errors.RejectionReason;
import com.example.ordersaga.common.participant.faults.SimulatedFailure;
import com.example.ordersaga.product.api.DeductStockRequest;
import com.example.ordersaga.product.api.StockParticipant;
import com.example.ordersaga.product.domain.ProductStock;
import com.example.ordersaga.product.domain.StockDeduction;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** The stock-deduct step and its compensation, called as the saga routes call them. */
@ProductServiceOnH2
class StockParticipantTest {

  private static final long IN_STOCK = 10;
  private static final int TAKEN = 3;
  private static final int MORE_THAN_IN_STOCK = 11;
  private static final int PER_LINE = 2;
  private static final String NO_FAILURE = null;

  @Autowired StockParticipant participant;
  @Autowired ProductStock stock;
  @Autowired JdbcTemplate jdbc;
  private StockFixtures products;

  @BeforeEach
  void fixtures() {
    products = new StockFixtures(stock, jdbc);
  }

  @Test
  void deductionTakesStockAndAnswersTheStockLeft() {
    String product = products.productWithStock(IN_STOCK);
    DeductStockRequest order = orderOf(units(TAKEN, product));

    StockDeduction answer = participant.deduct(newLra(), order, NO_FAILURE);

    assertThat(answer)
        .isEqualTo(
            new StockDeduction(
                order.orderId(),
                List.of(new StockDeduction.Item(product, TAKEN, IN_STOCK - TAKEN))));
    assertThat(products.stockOf(product)).isEqualTo(IN_STOCK - TAKEN);
    assertThat(products.movements(product, DEDUCT)).isEqualTo(1);
  }

  @Test
  void deductionRepeatedWithTheSameLraAppliesOnceAndAnswersTheSame() {
    String product = products.productWithStock(IN_STOCK);
    String lra = newLra();
    DeductStockRequest order = orderOf(units(TAKEN, product));

    StockDeduction first = participant.deduct(lra, order, NO_FAILURE);
    StockDeduction again = participant.deduct(lra, order, NO_FAILURE);

    assertThat(again).isEqualTo(first);
    assertThat(products.stockOf(product)).isEqualTo(IN_STOCK - TAKEN);
    assertThat(products.movements(product, DEDUCT)).isEqualTo(1);
  }

  @Test
  void linesOfOneProductAreMergedAndProductsVisitedInIdOrder() {
    String last = products.productWithStock(SORTS_LAST, IN_STOCK);
    String first = products.productWithStock(SORTS_FIRST, IN_STOCK);
    DeductStockRequest order =
        orderOf(units(PER_LINE, last), units(TAKEN, first), units(PER_LINE, last));

    StockDeduction answer = participant.deduct(newLra(), order, NO_FAILURE);

    assertThat(answer.items())
        .containsExactly(
            new StockDeduction.Item(first, TAKEN, IN_STOCK - TAKEN),
            new StockDeduction.Item(last, 2 * PER_LINE, IN_STOCK - 2 * PER_LINE));
    assertThat(products.movements(last, DEDUCT)).isEqualTo(1);
  }

  @Test
  void compensationRestoresStockOnceWhenRepeated() {
    String product = products.productWithStock(IN_STOCK);
    String lra = newLra();
    participant.deduct(lra, orderOf(units(TAKEN, product)), NO_FAILURE);

    participant.restore(lra);
    participant.restore(lra);

    assertThat(products.stockOf(product)).isEqualTo(IN_STOCK);
    assertThat(products.movements(product, RESTORE)).isEqualTo(1);
  }

  @Test
  void compensationBeforeTheActionFencesTheLateAction() {
    String product = products.productWithStock(IN_STOCK);
    String lra = newLra();

    participant.restore(lra);

    assertThatThrownBy(() -> participant.deduct(lra, orderOf(units(TAKEN, product)), NO_FAILURE))
        .isInstanceOfSatisfying(
            BusinessRejection.class,
            rejection -> assertThat(rejection.reason()).isEqualTo(RejectionReason.LRA_ENDED));
    assertThat(products.stockOf(product)).isEqualTo(IN_STOCK);
    assertThat(products.movements(product, DEDUCT)).isZero();
    assertThat(products.movements(product, RESTORE)).isZero();
  }

  @Test
  void unknownSecondProductRejectsTheOrderAndLeavesTheFirstUntouched() {
    String known = products.productWithStock(SORTS_FIRST, IN_STOCK);
    String lra = newLra();
    DeductStockRequest order =
        orderOf(units(TAKEN, known), units(TAKEN, unknownProduct(SORTS_LAST)));

    assertRejected(lra, order, RejectionReason.UNKNOWN_PRODUCT);

    assertThat(products.stockOf(known)).isEqualTo(IN_STOCK);
    assertThat(products.movements(known, DEDUCT)).isZero();
    // The refusal is remembered: a replay is refused alike and applies nothing either.
    assertRejected(lra, order, RejectionReason.UNKNOWN_PRODUCT);
    assertThat(products.stockOf(known)).isEqualTo(IN_STOCK);
  }

  @Test
  void secondProductOutOfStockRejectsTheOrderAndLeavesTheFirstUntouched() {
    String plenty = products.productWithStock(SORTS_FIRST, IN_STOCK);
    String scarce = products.productWithStock(SORTS_LAST, IN_STOCK);
    String lra = newLra();
    DeductStockRequest order = orderOf(units(TAKEN, plenty), units(MORE_THAN_IN_STOCK, scarce));

    assertRejected(lra, order, RejectionReason.OUT_OF_STOCK);

    assertThat(products.stockOf(plenty)).isEqualTo(IN_STOCK);
    assertThat(products.stockOf(scarce)).isEqualTo(IN_STOCK);
    assertThat(products.movements(plenty, DEDUCT)).isZero();
    // Compensating a refused step has nothing to give back.
    participant.restore(lra);
    assertThat(products.stockOf(plenty)).isEqualTo(IN_STOCK);
    assertThat(products.movements(plenty, RESTORE)).isZero();
  }

  @Test
  void failureInsideTheTransactionRollsTheDeductionBack() {
    String product = products.productWithStock(IN_STOCK);
    String lra = newLra();
    DeductStockRequest order = orderOf(units(TAKEN, product));

    assertThatThrownBy(() -> participant.deduct(lra, order, StockParticipant.STEP))
        .isInstanceOf(SimulatedFailure.class);

    assertThat(products.stockOf(product)).isEqualTo(IN_STOCK);
    assertThat(products.movements(product, DEDUCT)).isZero();
    // Nothing was recorded for this LRA either: a retry applies normally.
    participant.deduct(lra, order, NO_FAILURE);
    assertThat(products.stockOf(product)).isEqualTo(IN_STOCK - TAKEN);
  }

  @Test
  void failureAfterTheCommitKeepsTheDeductionAndAReplayDoesNotApplyAgain() {
    String product = products.productWithStock(IN_STOCK);
    String lra = newLra();
    DeductStockRequest order = orderOf(units(TAKEN, product));

    assertThatThrownBy(
            () -> participant.deduct(lra, order, StockParticipant.STEP + ":after-commit"))
        .isInstanceOf(SimulatedFailure.class);

    assertThat(products.stockOf(product)).isEqualTo(IN_STOCK - TAKEN);
    assertThat(products.movements(product, DEDUCT)).isEqualTo(1);
    assertThat(participant.deduct(lra, order, NO_FAILURE).items())
        .containsExactly(new StockDeduction.Item(product, TAKEN, IN_STOCK - TAKEN));
    assertThat(products.stockOf(product)).isEqualTo(IN_STOCK - TAKEN);
    // And its compensation gives it back.
    participant.restore(lra);
    assertThat(products.stockOf(product)).isEqualTo(IN_STOCK);
  }

  private void assertRejected(String lra, DeductStockRequest order, RejectionReason reason) {
    assertThatThrownBy(() -> participant.deduct(lra, order, NO_FAILURE))
        .isInstanceOfSatisfying(
            BusinessRejection.class, rejection -> assertThat(rejection.reason()).isEqualTo(reason));
  }
}
