package com.example.ordersaga.common.participant.ledger;

/** A row of the participant ledger. */
public record LedgerEntry(LedgerState state, String response, String reason) {}
