/**
 * @module reference/model/prime-search
 * Prime searches for the wrapping keys, off the thread that answers requests: one worker thread per
 * process (reference/model/prime-worker.ts) takes them all. Without it the event loop that serves
 * every request spends most of its time in Miller-Rabin rounds whenever a run asks for wrapping keys,
 * and it is the loop every spec waits on. The worker is TypeScript like the rest, so it starts by
 * registering tsx (Node 20 runs no TypeScript of its own). It keeps the process alive only while a
 * search is pending. If it cannot start or dies, its searches and all later ones run in the calling
 * thread instead (reference/model/primes.ts yields between candidates there): slower, never lost.
 */
import { Worker } from 'node:worker_threads';
import type { PrimeAnswer, PrimeRequest } from './prime-worker.ts';
import { primeBetween } from './primes.ts';

export type WorkerFactory = () => Worker;

/**
 * The worker registers tsx's loader before it imports its TypeScript entry: a loader given in the
 * worker's execArgv does not reach the worker's own entry module on Node 20.
 */
const startPrimeWorker: WorkerFactory = () => {
  const tsx = import.meta.resolve('tsx/esm/api');
  const entry = new URL('./prime-worker.ts', import.meta.url).href;
  return new Worker(`import(${JSON.stringify(tsx)}).then(({ register }) => { register(); return import(${JSON.stringify(entry)}); })`, { eval: true });
};

interface Pending {
  request: PrimeRequest;
  resolve: (prime: bigint) => void;
  reject: (error: Error) => void;
}

export class PrimeSearch {
  private worker: Worker | undefined;
  private gone = false;
  private nextId = 0;
  private readonly pending = new Map<number, Pending>();

  constructor(private readonly start: WorkerFactory = startPrimeWorker) {}

  /** A probable prime p in [lo, hi) with gcd(e, p − 1) = 1 (see primeBetween). */
  find(lo: bigint, hi: bigint, e: bigint): Promise<bigint> {
    const worker = this.ready();
    if (!worker) return primeBetween(lo, hi, e);
    return new Promise((resolve, reject) => {
      const request: PrimeRequest = { id: this.nextId++, lo, hi, e };
      this.pending.set(request.id, { request, resolve, reject });
      if (this.pending.size === 1) worker.ref();
      worker.postMessage(request);
    });
  }

  /** Whether searches go to a worker thread (false once it could not start or has died). */
  get inWorker(): boolean {
    return !this.gone;
  }

  private ready(): Worker | undefined {
    if (this.worker || this.gone) return this.worker;
    let worker: Worker;
    try {
      worker = this.start();
    } catch {
      this.gone = true;
      return undefined;
    }
    worker.unref();
    worker.on('message', (a: PrimeAnswer) => this.answer(a));
    worker.on('error', () => this.lose(worker));
    worker.on('exit', () => this.lose(worker));
    this.worker = worker;
    return worker;
  }

  private answer(a: PrimeAnswer): void {
    const p = this.pending.get(a.id);
    if (!p) return;
    this.pending.delete(a.id);
    if (this.pending.size === 0) this.worker?.unref();
    if ('prime' in a) p.resolve(a.prime);
    else p.reject(new Error(a.error));
  }

  /** The worker failed or exited: what it had pending, and every later search, runs in this thread. */
  private lose(worker: Worker): void {
    if (this.worker !== worker) return;
    this.worker = undefined;
    this.gone = true;
    const left = [...this.pending.values()];
    this.pending.clear();
    for (const { request, resolve, reject } of left) primeBetween(request.lo, request.hi, request.e).then(resolve, reject);
  }
}

const shared = new PrimeSearch();

/** A probable prime p in [lo, hi) with gcd(e, p − 1) = 1, found by the process's prime worker. */
export const searchPrime = (lo: bigint, hi: bigint, e: bigint): Promise<bigint> => shared.find(lo, hi, e);
