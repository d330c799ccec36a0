package com.example.ordersaga.routes.saga;

import com.example.ordersaga.common.logging.LogIds;
import com.example.ordersaga.routes.plan.OrderPlan;
import org.apache.camel.Exchange;

/**
 * One order's run through the saga, carried in one exchange property: the plan, the LRA once it
 * exists, the deadline, the step in progress, the failure that stopped it, and whether every step
 * passed. The rules that turn a run's end into the client's outcome live here too.
 */
public final class SagaRun {

  public static final String PROPERTY = "sagaRun";

  /**
   * The logging MDC's keys ({@link LogIds}): camel-mdc reads exchange properties, so the run's ids
   * are mirrored there as soon as they are known (the saga route sets the LRA's).
   */
  public static final String MDC_ORDER_ID = LogIds.ORDER_ID;

  public static final String MDC_LRA_ID = LogIds.LRA_ID;

  private static final String OUTSIDE_A_STEP = "lra-coordinator";

  private final OrderPlan plan;
  private String lraId;
  private Long deadlineNanos;
  private String currentStep;
  private long stepStartedNanos;
  private SagaFailure failure;
  private boolean stepsDone;

  private SagaRun(OrderPlan plan) {
    this.plan = plan;
  }

  /** The run of {@code plan}, attached to the exchange. */
  public static SagaRun start(Exchange exchange, OrderPlan plan) {
    SagaRun run = new SagaRun(plan);
    exchange.setProperty(PROPERTY, run);
    exchange.setProperty(MDC_ORDER_ID, plan.orderId());
    return run;
  }

  /** The exchange's run, or null before the order was planned (invalid input, a replay). */
  public static SagaRun of(Exchange exchange) {
    return exchange.getProperty(PROPERTY, SagaRun.class);
  }

  /** The LRA exists now; the saga's time limit runs from here. */
  void began(String lraId, long deadlineNanos) {
    this.lraId = lraId;
    this.deadlineNanos = deadlineNanos;
  }

  void entering(String step, long nowNanos) {
    currentStep = step;
    stepStartedNanos = nowNanos;
  }

  /** When the current step's call went out ({@link System#nanoTime()}). */
  long stepStartedNanos() {
    return stepStartedNanos;
  }

  /** Records what stopped the saga; the first failure is the one the client is told. */
  SagaFailure failed(SagaFailure failure) {
    if (this.failure == null) {
      this.failure = failure;
    }
    return failure;
  }

  void allStepsDone() {
    stepsDone = true;
  }

  /** No step has failed or been refused: the next step may run. */
  public boolean stillRunning() {
    return failure == null;
  }

  /** A service refused a step by a business rule: an answer, which the saga compensates. */
  public boolean rejected() {
    return failure != null && failure.isRejection();
  }

  public OrderPlan plan() {
    return plan;
  }

  public String orderId() {
    return plan.orderId();
  }

  public String lraId() {
    return lraId;
  }

  public Long deadlineNanos() {
    return deadlineNanos;
  }

  public String currentStep() {
    return currentStep;
  }

  public SagaFailure failure() {
    return failure;
  }

  /**
   * Every step passed, so only the close failed. Whatever the time, the coordinator may have taken
   * the close or not: if it cancels instead, its callback records TIMEOUT in the view.
   */
  public boolean closeOutcomeUnknown(Exception caught) {
    return !(caught instanceof SagaFailure) && failure == null && stepsDone;
  }

  /**
   * Why the saga did not complete: the step's own failure when there was one (ending the LRA may
   * have failed after it and replaced the exception); else the saga could not start or end at the
   * coordinator, within the time limit or past it.
   */
  public SagaFailure failureFor(Exception caught, SagaDeadline deadline) {
    if (caught instanceof SagaFailure thrown) {
      return thrown;
    }
    if (failure != null) {
      return failure;
    }
    String step = currentStep == null ? OUTSIDE_A_STEP : currentStep;
    if (deadline.passed(deadlineNanos)) {
      return SagaFailure.timedOut(step);
    }
    return SagaFailure.unavailable(step, String.valueOf(caught));
  }
}
