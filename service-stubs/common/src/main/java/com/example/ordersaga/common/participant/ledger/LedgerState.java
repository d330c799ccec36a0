package com.example.ordersaga.common.participant.ledger;

/** Where one (LRA, step) stands at this participant. */
public enum LedgerState {
  /** The forward action was applied; its answer is kept for replays. */
  APPLIED,
  /** The forward action was refused by a business rule; nothing was applied. */
  REJECTED,
  /** The action was undone (or, if it had been rejected, there was nothing to undo). */
  COMPENSATED,
  /** The LRA closed and the completion ran. */
  COMPLETED,
  /**
   * Compensation or completion arrived before (or without) the action: any late action is refused.
   */
  FENCED
}
