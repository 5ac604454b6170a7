/**
 * @module harness/kms/consistency
 * Waiting out eventual consistency, boundedly. AWS KMS documents that a change may take a moment to
 * be visible, for example a NotFoundException from GetParametersForImport right after CreateKey
 * (https://docs.aws.amazon.com/kms/latest/developerguide/accessing-kms.html#programming-eventual-consistency).
 * Only clients of targets that declare it (the aws kind, or `eventualConsistency: true`) wait; against
 * anything else a read that lags is a finding, not something to wait for.
 */
import { DescribeKeyCommand, type KeyMetadata, type KMSClient } from '@aws-sdk/client-kms';
import { isEventuallyConsistent } from '../clients/sdk-client.ts';

export interface EventuallyOptions<T> {
  /** The answer is settled when this holds (default: any answer without an error). */
  until?: (value: T) => boolean;
  /** Errors worth waiting out (default: NotFoundException and KMSInvalidStateException). */
  retryOn?: (error: unknown) => boolean;
  timeoutMs?: number;
  intervalMs?: number;
  sleep?: (ms: number) => Promise<void>;
  now?: () => number;
}

const STALE_ERRORS = new Set(['NotFoundException', 'KMSInvalidStateException']);

/**
 * Calls `fn` until its answer is settled or `timeoutMs` has passed, then returns the last answer or
 * throws the last error, so a check still sees what the target said when the wait ran out.
 */
export async function eventually<T>(fn: () => Promise<T>, o: EventuallyOptions<T> = {}): Promise<T> {
  const now = o.now ?? (() => Date.now());
  const sleep = o.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  const retryOn = o.retryOn ?? ((e: unknown) => STALE_ERRORS.has((e as Error)?.name));
  const deadline = now() + (o.timeoutMs ?? 30_000);
  const interval = o.intervalMs ?? 1_000;
  for (;;) {
    let value: T;
    try {
      value = await fn();
    } catch (e) {
      if (!retryOn(e) || now() + interval > deadline) throw e;
      await sleep(interval);
      continue;
    }
    if (!o.until || o.until(value) || now() + interval > deadline) return value;
    await sleep(interval);
  }
}

/** Against an eventually consistent target, waits until `call` stops failing with a stale-read error. */
export function settled<T>(client: KMSClient, call: () => Promise<T>): Promise<T> {
  return isEventuallyConsistent(client) ? eventually(call) : call();
}

/** Against an eventually consistent target, waits until DescribeKey shows `keyId` in one of `states`. */
export async function awaitKeyState(client: KMSClient, keyId: string, states: readonly string[]): Promise<KeyMetadata | undefined> {
  const read = async () => (await client.send(new DescribeKeyCommand({ KeyId: keyId }))).KeyMetadata;
  if (!isEventuallyConsistent(client)) return read();
  return eventually(read, { until: (m) => m !== undefined && states.includes(m.KeyState ?? '') });
}

/**
 * How long to wait for work AWS documents as asynchronous (an on-demand rotation, say): long
 * against a target that declares eventual consistency (AWS), briefly against a local one, where a
 * result that has not come within seconds is not coming.
 */
export function asyncWaitMs(client: KMSClient, remoteMs = 90_000, localMs = 5_000): number {
  return isEventuallyConsistent(client) ? remoteMs : localMs;
}
