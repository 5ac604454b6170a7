/**
 * @module harness/clients/rate-limiter
 * Client-side token buckets that keep a run under a target's request quotas. KMS sets its quotas per
 * operation class, per account and region (https://docs.aws.amazon.com/kms/latest/developerguide/requests-per-second.html):
 * the cryptographic operations share a large quota, the reads are in the hundreds to thousands, the
 * key-management writes (CreateKey, ScheduleKeyDeletion, EnableKey, …) are a handful per second, and
 * GetParametersForImport is the slowest of all. One limiter per process serves every client of the run.
 */
import type { RateLimits, RequestClass } from '../config/kinds.ts';

export type { RateLimits, RequestClass } from '../config/kinds.ts';

const CRYPTO = new Set(['Encrypt', 'Decrypt', 'ReEncrypt', 'GenerateDataKey', 'GenerateDataKeyWithoutPlaintext', 'GenerateDataKeyPair',
  'GenerateDataKeyPairWithoutPlaintext', 'GenerateMac', 'VerifyMac', 'GenerateRandom', 'Sign', 'Verify', 'DeriveSharedSecret']);
const READ = /^(Describe|Get|List)/;

/** The quota class of a KMS operation. */
export function requestClassOf(operation: string): RequestClass {
  if (operation === 'GetParametersForImport') return 'importParameters';
  if (CRYPTO.has(operation)) return 'crypto';
  if (READ.test(operation)) return 'read';
  return 'write';
}

export interface Clock {
  now(): number;
  sleep(ms: number): Promise<void>;
}

export const REAL_CLOCK: Clock = {
  now: () => performance.now(),
  sleep: (ms) => new Promise((r) => setTimeout(r, ms)),
};

/**
 * A token bucket: `rate` tokens a second, holding at most `burst`. `take()` resolves when a token is
 * available; callers are served in arrival order (each reserves the next free slot).
 */
export class TokenBucket {
  private tokens: number;
  private last: number;

  constructor(readonly rate: number, readonly burst: number, private readonly clock: Clock = REAL_CLOCK) {
    this.tokens = burst;
    this.last = clock.now();
  }

  /** Reserves one token; resolves after the wait it needs (zero when one is available). Returns the wait in ms. */
  async take(): Promise<number> {
    if (this.rate === Infinity) return 0;
    const now = this.clock.now();
    this.tokens = Math.min(this.burst, this.tokens + ((now - this.last) * this.rate) / 1000);
    this.last = now;
    this.tokens -= 1;
    // A negative balance is a debt: this caller waits until it is repaid, later callers wait longer.
    const wait = this.tokens >= 0 ? 0 : (-this.tokens * 1000) / this.rate;
    if (wait > 0) await this.clock.sleep(wait);
    return wait;
  }
}

/** One bucket per request class. */
export class RateLimiter {
  private readonly buckets: Record<RequestClass, TokenBucket>;

  constructor(readonly limits: RateLimits, clock: Clock = REAL_CLOCK) {
    const bucket = (rate: number) => new TokenBucket(rate, Math.max(1, Math.min(rate, 2)), clock);
    this.buckets = { read: bucket(limits.read), write: bucket(limits.write), crypto: bucket(limits.crypto), importParameters: bucket(limits.importParameters) };
  }

  /** Waits for a slot for `operation`; returns the wait in ms. */
  acquire(operation: string): Promise<number> {
    return this.buckets[requestClassOf(operation)].take();
  }
}

const shared = new Map<string, RateLimiter>();

/** The process's limiter for these rates: every client of the run in this process shares it. */
export function sharedRateLimiter(limits: RateLimits): RateLimiter {
  const key = JSON.stringify(limits);
  let l = shared.get(key);
  if (!l) shared.set(key, (l = new RateLimiter(limits)));
  return l;
}
