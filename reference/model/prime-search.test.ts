/**
 * Prime searches run in a worker thread, and are never lost: when the worker cannot start, or dies
 * with searches pending, they are done in the calling thread.
 */
import { checkPrimeSync } from 'node:crypto';
import { Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { PrimeSearch } from './prime-search.ts';

const LO = 3n << 398n;
const HI = 1n << 400n;
const E = 65_537n;

const valid = (p: bigint) => p >= LO && p < HI && checkPrimeSync(p) && (p - 1n) % E !== 0n;

describe('PrimeSearch', () => {
  it('answers concurrent searches from its worker thread, each with a prime in range', async () => {
    const search = new PrimeSearch();
    const primes = await Promise.all(Array.from({ length: 6 }, () => search.find(LO, HI, E)));
    expect(primes.every(valid)).toBe(true);
    expect(new Set(primes).size).toBe(6);
    expect(search.inWorker).toBe(true);
  }, 60_000);

  it('searches in the calling thread when no worker can start', async () => {
    const search = new PrimeSearch(() => {
      throw new Error('no threads here');
    });
    expect(valid(await search.find(LO, HI, E))).toBe(true);
    expect(search.inWorker).toBe(false);
  }, 60_000);

  it('finishes the searches of a worker that dies, and every later one, in the calling thread', async () => {
    // A worker that takes requests and exits without answering any.
    const search = new PrimeSearch(() => new Worker("require('node:worker_threads').parentPort.once('message', () => process.exit(3))", { eval: true }));
    const primes = await Promise.all([search.find(LO, HI, E), search.find(LO, HI, E)]);
    expect(primes.every(valid)).toBe(true);
    expect(search.inWorker).toBe(false);
    expect(valid(await search.find(LO, HI, E))).toBe(true);
  }, 60_000);
});
