/**
 * @module reference/test-support/clock
 * A hand-driven clock for the reference's injected `now`: tests move time forward explicitly, so
 * expiry (import tokens, key material, deletion windows) is reached without waiting.
 */

export const MINUTE_MS = 60_000;
export const HOUR_MS = 60 * MINUTE_MS;
export const DAY_MS = 24 * HOUR_MS;

/** Midnight UTC, 2026-01-01: a fixed start keeps every run identical. */
const DEFAULT_START = Date.UTC(2026, 0, 1);

export class TestClock {
  private ms: number;

  constructor(start: number = DEFAULT_START) {
    this.ms = start;
  }

  /** The current test time; bound, so it can be passed as `now`. */
  readonly now = (): Date => new Date(this.ms);

  advance(ms: number): void {
    this.ms += ms;
  }

  /** The current time shifted by `ms`, in epoch seconds as awsJson timestamps are. */
  offsetSeconds(ms: number): number {
    return (this.ms + ms) / 1000;
  }
}
