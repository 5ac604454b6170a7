/**
 * @module reference/model/prime-worker
 * The worker thread that searches primes for reference/model/prime-search.ts. A request
 * `{ id, lo, hi, e }` is answered with `{ id, prime }`, or `{ id, error }` if the search threw.
 */
import { parentPort } from 'node:worker_threads';
import { primeBetween } from './primes.ts';

export interface PrimeRequest {
  id: number;
  lo: bigint;
  hi: bigint;
  e: bigint;
}
export type PrimeAnswer = { id: number; prime: bigint } | { id: number; error: string };

const port = parentPort;
port?.on('message', (m: PrimeRequest) => {
  primeBetween(m.lo, m.hi, m.e).then(
    (prime) => port.postMessage({ id: m.id, prime } satisfies PrimeAnswer),
    (e: unknown) => port.postMessage({ id: m.id, error: e instanceof Error ? e.message : String(e) } satisfies PrimeAnswer),
  );
});
