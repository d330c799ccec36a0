package com.example.ordersaga.order;

import com.example.ordersaga.order.api.CreateOrderRequest;
import com.example.ordersaga.order.api.CreateOrderRequest.Item;
import com.example.ordersaga.order.domain.PaymentMethod;
import java.util.List;
import java.util.UUID;

/** Named orders and sagas for the tests; every call is fresh, so tests never share rows. */
public final class OrderFixtures {

  public static final String ALICE = "alice";
  public static final String WIDGET = "widget";
  public static final String GADGET = "gadget";
  public static final long WIDGET_PRICE = 1000;
  public static final long GADGET_PRICE = 500;

  private OrderFixtures() {}

  /** An LRA id as the coordinator mints them (a URL), never seen before. */
  public static String aFreshLra() {
    return "http://localhost:1/lra-coordinator/0_ffff7f000001_" + UUID.randomUUID();
  }

  /** Alice buys two widgets and a gadget (2500), pays 500 in points and 2000 by card. */
  public static CreateOrderRequest aliceBuysTwoWidgetsAndAGadget() {
    return new CreateOrderRequest(
        "order-" + UUID.randomUUID(),
        ALICE,
        List.of(new Item(WIDGET, 2, WIDGET_PRICE), new Item(GADGET, 1, GADGET_PRICE)),
        2 * WIDGET_PRICE + GADGET_PRICE,
        500L,
        2 * WIDGET_PRICE + GADGET_PRICE - 500,
        PaymentMethod.CARD);
  }

  /** Alice buys one gadget (500), all of it by card: an order of a single line. */
  public static CreateOrderRequest aliceBuysAGadget() {
    return new CreateOrderRequest(
        "order-" + UUID.randomUUID(),
        ALICE,
        List.of(new Item(GADGET, 1, GADGET_PRICE)),
        GADGET_PRICE,
        0L,
        GADGET_PRICE,
        PaymentMethod.CARD);
  }
}
