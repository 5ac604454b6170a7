/**
 * @module harness/clients/throttle-retry
 * A retry strategy for the SDK that retries throttling and nothing else. A conformance check must see
 * the target's first answer to everything else (a 500, a timeout, an error code), so the SDK's
 * standard strategy, which also retries transient and server errors, does not fit. KMS throttles with
 * `ThrottlingException` (https://docs.aws.amazon.com/kms/latest/developerguide/throttling.html);
 * HTTP 429 is the generic signal. `LimitExceededException` is NOT a throttle in KMS: it means a
 * resource quota (keys, aliases, grants) is used up, and retrying cannot help — the SDK's own
 * classification counts it as throttling, which is why this strategy decides by itself.
 * Each attempt goes through the recording handler, so retried attempts stay in the evidence.
 */
import type { RetryErrorInfo, RetryStrategyV2, RetryToken } from '@smithy/types';

export interface ThrottleRetryOptions {
  /** Total attempts, the first included. */
  maxAttempts: number;
  /** Delay before the first retry, doubled on each further one (full jitter), capped by maxDelayMs. */
  baseDelayMs?: number;
  maxDelayMs?: number;
  random?: () => number;
}

/** True for answers that mean "slow down" and only those. */
export function isThrottle(error: unknown): boolean {
  const e = error as { name?: string; $metadata?: { httpStatusCode?: number } } | undefined;
  return e?.name === 'ThrottlingException' || e?.$metadata?.httpStatusCode === 429;
}

class Token implements RetryToken {
  constructor(private readonly count: number, private readonly delay: number) {}
  getRetryCount(): number {
    return this.count;
  }
  getRetryDelay(): number {
    return this.delay;
  }
}

/** Retries throttling answers with exponential backoff and full jitter, up to maxAttempts in all. */
export class ThrottleOnlyRetryStrategy implements RetryStrategyV2 {
  private readonly base: number;
  private readonly cap: number;
  private readonly random: () => number;

  constructor(readonly options: ThrottleRetryOptions) {
    this.base = options.baseDelayMs ?? 500;
    this.cap = options.maxDelayMs ?? 10_000;
    this.random = options.random ?? Math.random;
  }

  async acquireInitialRetryToken(): Promise<RetryToken> {
    return new Token(0, 0);
  }

  async refreshRetryTokenForRetry(token: RetryToken, info: RetryErrorInfo): Promise<RetryToken> {
    const next = token.getRetryCount() + 1;
    if (!isThrottle(info.error) || next >= this.options.maxAttempts) throw new Error('no retry');
    const ceiling = Math.min(this.cap, this.base * 2 ** (next - 1));
    const hinted = info.retryAfterHint ? Math.max(0, info.retryAfterHint.getTime() - Date.now()) : 0;
    return new Token(next, Math.max(hinted, Math.floor(this.random() * ceiling)));
  }

  recordSuccess(): void {}
}
