package com.example.ordersaga.participant;

/** A row of the participant ledger. */
public record LedgerEntry(LedgerState state, String response, String reason) {}
