package com.example.ordersaga.order.domain;

import com.example.ordersaga.common.participant.errors.BusinessRejection;
import com.example.ordersaga.common.participant.errors.ErrorBody.Violation;
import com.example.ordersaga.common.participant.errors.InvalidRequest;
import com.example.ordersaga.common.participant.errors.NotFound;
import com.example.ordersaga.common.participant.errors.RejectionReason;
import com.example.ordersaga.order.persistence.OrderOutbox;
import com.example.ordersaga.order.persistence.OrderRepository;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * The order rules: an order is placed PENDING, may become CONFIRMING while its saga runs, and ends
 * COMPLETED or CANCELLED exactly once, each move a conditional update so that no race or replay
 * moves an ended order. The final move records the order's outcome event in the outbox, in the same
 * local transaction, which callers hold (see ParticipantSteps).
 */
@Service
public class Orders {

  private static final Logger log = LoggerFactory.getLogger(Orders.class);

  private final OrderRepository repository;
  private final OrderOutbox outbox;

  public Orders(OrderRepository repository, OrderOutbox outbox) {
    this.repository = repository;
    this.outbox = outbox;
  }

  /** Places the order PENDING, the semantic lock its saga holds until the LRA ends. */
  public OrderRef create(String lraId, NewOrder order) {
    if (repository.find(order.orderId()).isPresent()) {
      throw new InvalidRequest(
          "order " + order.orderId() + " exists already",
          List.of(new Violation("orderId", "already used by another saga")));
    }
    repository.insert(lraId, order);
    return new OrderRef(order.orderId());
  }

  /** order-complete: the order information is delivered; the order waits for its LRA to close. */
  public OrderRef markConfirming(String lraId, String orderId) {
    if (!repository.markConfirming(lraId, orderId)) {
      Order order =
          repository
              .find(orderId)
              .filter(found -> found.lraId().equals(lraId))
              .orElseThrow(() -> new NotFound("no order " + orderId + " in " + lraId));
      if (order.status().ended()) {
        throw sagaEnded(order);
      }
    }
    return new OrderRef(orderId);
  }

  /** The LRA closed: its order is COMPLETED, once. The one place an order completes. */
  public void complete(String lraId) {
    int ended = end(lraId, OrderStatus.COMPLETED);
    log.info("{} closed: {} order(s) completed", lraId, ended);
  }

  /**
   * The LRA was cancelled: its order is CANCELLED, once. The one place an order is cancelled. An
   * LRA whose order-create never placed an order here (refused, failed, or compensated before it)
   * ends no order and records no event: events are about orders this service holds.
   */
  public void cancel(String lraId) {
    int ended = end(lraId, OrderStatus.CANCELLED);
    log.info("{} cancelled: {} order(s) cancelled", lraId, ended);
  }

  public Order order(String orderId) {
    return repository.find(orderId).orElseThrow(() -> new NotFound("unknown order " + orderId));
  }

  /** Every order with its lines, in creation order (the read side of audits). */
  public List<Order> all() {
    return repository.findAll();
  }

  /**
   * The order as order-complete answers it, also on a replay: once cancelled, its saga has ended
   * and the step is refused rather than reported as done.
   */
  public Order readyOrder(String orderId) {
    Order order = order(orderId);
    if (order.status() == OrderStatus.CANCELLED) {
      throw sagaEnded(order);
    }
    return order;
  }

  /**
   * Moves each still open order of the LRA to its final status and records an outcome event for
   * every order this call actually moved, so a replay (or a race lost) records nothing.
   */
  private int end(String lraId, OrderStatus finalStatus) {
    int ended = 0;
    for (String orderId : repository.openOrderIds(lraId)) {
      if (repository.end(orderId, finalStatus)) {
        outbox.append(OrderEvents.outcomeOf(order(orderId)));
        ended++;
      }
    }
    return ended;
  }

  private static BusinessRejection sagaEnded(Order order) {
    return new BusinessRejection(
        RejectionReason.LRA_ENDED,
        "order " + order.orderId() + " is " + order.status() + ": its saga has ended");
  }
}
