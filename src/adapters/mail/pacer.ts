/**
 * Exchange Online's sending limit: 30 messages a minute per mailbox. Sends are spaced evenly (a
 * little over a minute / limit apart, so a rolling window never sees limit + 1), which also makes
 * the ETA a product.
 */
export class Pacer {
  readonly intervalMs: number;
  private next = 0;
  constructor(readonly perWindow: number, readonly windowMs: number, private readonly now: () => number = Date.now) {
    this.intervalMs = (windowMs / perWindow) * 1.02;
  }

  /** Waits for the next send slot. */
  async slot(): Promise<void> {
    const t = this.now();
    const at = Math.max(t, this.next);
    this.next = at + this.intervalMs;
    if (at > t) await new Promise((r) => setTimeout(r, at - t));
  }

  /** The server said wait: no send before then. */
  holdUntil(time: number): void {
    this.next = Math.max(this.next, time);
  }

  /** Milliseconds to send `n` messages at this pace, the first at once (plus what each takes on its own). */
  etaMs(n: number, perMessageMs = 0): number {
    return n <= 0 ? 0 : (n - 1) * this.intervalMs + perMessageMs;
  }
}
