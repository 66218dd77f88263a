/**
 * Main-thread time one connection may spend in a slow path per window. The authorship check
 * inspects most updates in microseconds, but an update it cannot place is applied to a scratch
 * copy (milliseconds, growing with the document); a client crafting such updates on purpose
 * could keep the server busy for everyone. Honest clients reach the copy path a few times per
 * reconnect, far below the budget.
 */
export class CostBudget {
  private windowStart = -Infinity;
  private spent = 0;

  constructor(private readonly limits: { windowMs: number; maxMs: number }) {}

  /** Records `ms` spent at time `now` (ms); true when the window's total is over the budget. */
  spend(ms: number, now: number): boolean {
    if (now - this.windowStart >= this.limits.windowMs) {
      this.windowStart = now;
      this.spent = 0;
    }
    this.spent += ms;
    return this.spent > this.limits.maxMs;
  }
}
