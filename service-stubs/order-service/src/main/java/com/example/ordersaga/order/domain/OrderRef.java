package com.example.ordersaga.order.domain;

/**
 * What the participant ledger keeps as the answer of an order step: the order it acted on. The
 * answer itself is the order read afresh, which also keeps the ledger row small (an order of 50
 * lines would not fit its response column).
 */
public record OrderRef(String orderId) {}
