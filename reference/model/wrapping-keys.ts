/**
 * @module reference/model/wrapping-keys
 * RSA wrapping key pairs for GetParametersForImport. Every call gets a fresh pair (REQ-G7), and pairs
 * are the reference's most expensive work: a run of the suite asks for a few hundred. Three things
 * keep them cheap and off the request path:
 * - a pair is made of several primes (RFC 8017 multi-prime RSA): five for 2048, 3072
 *   and 4096, which is the most OpenSSL reads (RSA_MAX_PRIME_NUM). Smaller primes are much cheaper
 *   to find: a 2048-bit pair of five costs about half of one of three (bench/wrapping-pairs.ts). The
 *   primes stay of 400 bits or more, out of reach of the factoring methods that find small factors.
 *   A client sees only the public key (n, e), which is the same kind of RSA key as ever;
 * - a prime is found by a sieve and then confirmed by as many Miller-Rabin rounds as its size needs
 *   for a chance below 2⁻¹⁰⁰ of a composite, each round a modular exponentiation that OpenSSL does
 *   (reference/model/primes.ts), instead of the 64 rounds OpenSSL's own `generatePrime` always spends.
 *   The search runs in a worker thread of its own (reference/model/prime-search.ts), so the thread
 *   that answers requests only assembles the keys;
 * - a small pool per spec is filled ahead of use, from the first request for that spec on.
 * A pair is handed out once and never again.
 */
import { createPrivateKey, createPublicKey, type KeyObject } from 'node:crypto';
import { integer as derInteger, sequence as derSequence } from '../crypto/der.ts';
import { searchPrime } from './prime-search.ts';

export type WrappingKeySpec = 'RSA_2048' | 'RSA_3072' | 'RSA_4096';
export interface WrappingKeyPair {
  publicKey: KeyObject;
  privateKey: KeyObject;
}
export type PairGenerator = (spec: WrappingKeySpec) => Promise<WrappingKeyPair>;

const BITS: Record<WrappingKeySpec, number> = { RSA_2048: 2048, RSA_3072: 3072, RSA_4096: 4096 };
const E = 65_537n;

/** x⁻¹ mod m by the extended Euclidean algorithm (x and m coprime). */
function inverse(x: bigint, m: bigint): bigint {
  let [a, b, u, v] = [((x % m) + m) % m, m, 1n, 0n];
  while (b !== 0n) {
    const t = a / b;
    [a, b, u, v] = [b, a - t * b, v, u - t * v];
  }
  return ((u % m) + m) % m;
}

/** How many primes a modulus of `bits` bits is made of: up to five (OpenSSL's RSA_MAX_PRIME_NUM), none under 400 bits. */
export function primeCount(bits: number): number {
  return Math.max(2, Math.min(5, Math.floor(bits / 400)));
}

/**
 * PKCS#1 RSAPrivateKey (RFC 8017 A.1.2) of the primes `ps` and exponents e, d: version 1 with
 * OtherPrimeInfos when there are more than two primes; each further coefficient is the inverse of the
 * product of the primes before it.
 */
export function pkcs1PrivateKey(ps: readonly bigint[], e: bigint, d: bigint): Buffer {
  const [p, q, ...others] = ps as [bigint, bigint, ...bigint[]];
  const fields = [others.length ? 1n : 0n, ps.reduce((a, b) => a * b, 1n), e, d, p, q, d % (p - 1n), d % (q - 1n), inverse(q, p)].map(derInteger);
  if (others.length) {
    let before = p * q;
    const infos = others.map((r) => {
      const info = derSequence([derInteger(r), derInteger(d % (r - 1n)), derInteger(inverse(before, r))]);
      before *= r;
      return info;
    });
    fields.push(derSequence(infos));
  }
  return derSequence(fields);
}

/** A probable prime of exactly `bits` bits with its two top bits set (so that k of them make a k·bits-bit product). */
const prime = (bits: number): Promise<bigint> => searchPrime(3n << BigInt(bits - 2), 1n << BigInt(bits), E);

/**
 * An RSA pair with a modulus of exactly `bits` bits and e = 65537: k − 1 primes of bits/k bits, and a
 * last one drawn from just the range that makes their product exactly
 * `bits` long (drawing all k again whenever the product came out a bit short would cost nearly twice
 * as much for five primes). A prime for which e is not invertible, or a repeated one, is drawn again.
 */
export async function rsaPairOfBits(bits: number): Promise<WrappingKeyPair> {
  const k = primeCount(bits);
  const size = Math.floor(bits / k);
  for (;;) {
    const first = await Promise.all(Array.from({ length: k - 1 }, () => prime(size)));
    if (new Set(first).size !== k - 1) continue;
    const m = first.reduce((a, b) => a * b, 1n);
    const top = 1n << BigInt(bits);
    const last = await searchPrime((top / 2n + m - 1n) / m, top / m, E);
    const ps = [...first, last];
    if (new Set(ps).size !== k) continue;
    const d = inverse(E, ps.reduce((a, p) => a * (p - 1n), 1n));
    const privateKey = createPrivateKey({ key: pkcs1PrivateKey(ps, E, d), format: 'der', type: 'pkcs1' });
    return { privateKey, publicKey: createPublicKey(privateKey) };
  }
}

/** Generates a real RSA pair of the spec's modulus size. */
export const rsaPairGenerator: PairGenerator = (spec) => rsaPairOfBits(BITS[spec]);

/** Pairs kept ready per spec once the spec has been asked for: RSA_2048 is the common one. */
const DEPTH: Record<WrappingKeySpec, number> = { RSA_2048: 12, RSA_3072: 2, RSA_4096: 2 };

export class WrappingKeyPool {
  private readonly ready = new Map<WrappingKeySpec, Promise<WrappingKeyPair>[]>();

  constructor(
    private readonly generator: PairGenerator = rsaPairGenerator,
    private readonly depth: Readonly<Record<WrappingKeySpec, number>> = DEPTH,
  ) {}

  /** Takes a never-used pair for `spec`, and starts generating its replacement. */
  take(spec: WrappingKeySpec): Promise<WrappingKeyPair> {
    const queue = this.queue(spec);
    const next = queue.shift() ?? this.spawn(spec);
    while (queue.length < this.depth[spec]) queue.push(this.spawn(spec));
    return next;
  }

  private queue(spec: WrappingKeySpec): Promise<WrappingKeyPair>[] {
    let q = this.ready.get(spec);
    if (!q) {
      q = [];
      this.ready.set(spec, q);
    }
    return q;
  }

  private spawn(spec: WrappingKeySpec): Promise<WrappingKeyPair> {
    const p = this.generator(spec);
    // A pre-generated pair nobody takes must not surface as an unhandled rejection.
    p.catch(() => undefined);
    return p;
  }
}
