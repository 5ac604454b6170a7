/**
 * @module reference/model/wrapping-keys
 * RSA wrapping key pairs for GetParametersForImport. Every call gets a fresh pair (REQ-G7), and pairs
 * are the reference's most expensive work: a run of the suite asks for a few hundred. Three things
 * keep them cheap and off the request path:
 * - a pair is made of several primes (RFC 8017 multi-prime RSA): four for 2048 bits, five for 3072
 *   and 4096, which is the most OpenSSL reads (RSA_MAX_PRIME_NUM). Smaller primes are much cheaper
 *   to find: a 2048-bit pair of four costs about half of one of three (bench/wrapping-pairs.ts). The
 *   primes stay of 410 bits or more, out of reach of the factoring methods that find small factors.
 *   A client sees only the public key (n, e), which is the same kind of RSA key as ever;
 * - the primes are found on libuv's thread pool (`crypto.generatePrime`, `crypto.checkPrime`), all
 *   but the last in parallel;
 * - a small pool per spec is filled ahead of use, from the first request for that spec on.
 * A pair is handed out once and never again.
 */
import { checkPrime, createPrivateKey, createPublicKey, generatePrime, randomBytes, type KeyObject } from 'node:crypto';
import { integer as derInteger, sequence as derSequence } from '../crypto/der.ts';

/** A probable prime of exactly `bits` bits (its two top bits set), found on libuv's thread pool. */
function prime(bits: number): Promise<bigint> {
  return new Promise((resolve, reject) => generatePrime(bits, { bigint: true }, (err, p) => (err ? reject(err) : resolve(p))));
}

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

function gcd(a: bigint, b: bigint): bigint {
  while (b !== 0n) [a, b] = [b, a % b];
  return a;
}

/** How many primes a modulus of `bits` bits is made of: up to five (OpenSSL's RSA_MAX_PRIME_NUM), none under 410 bits. */
export function primeCount(bits: number): number {
  return Math.max(2, Math.min(5, Math.floor(bits / 410)));
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

/** The odd primes below 2¹², for sieving candidates before a Miller-Rabin test. */
const SMALL_PRIMES: readonly number[] = (() => {
  const composite = new Uint8Array(1 << 12);
  const out: number[] = [];
  for (let i = 3; i < composite.length; i += 2) {
    if (composite[i]) continue;
    out.push(i);
    for (let j = i * i; j < composite.length; j += 2 * i) composite[j] = 1;
  }
  return out;
})();

const isProbablePrime = (c: bigint): Promise<boolean> =>
  new Promise((resolve, reject) => checkPrime(c, (err, ok) => (err ? reject(err) : resolve(ok))));

/** A uniformly drawn integer in [0, span) (span > 0), with a bias below 2⁻⁶⁴. */
function below(span: bigint): bigint {
  return BigInt(`0x${randomBytes(Math.ceil(span.toString(16).length / 2) + 8).toString('hex')}`) % span;
}

/**
 * A probable prime p in [lo, hi) with gcd(e, p − 1) = 1: from a random odd start, the candidates
 * upwards that no small prime divides (the residues are worked out once per start) are tested by
 * OpenSSL (`crypto.checkPrime`, as many rounds as `generatePrime` uses) until one passes.
 */
export async function primeBetween(lo: bigint, hi: bigint): Promise<bigint> {
  for (;;) {
    const start = (lo + below(hi - lo)) | 1n;
    const residues = SMALL_PRIMES.map((p) => Number(start % BigInt(p)));
    for (let step = 0; start + BigInt(step) < hi; step += 2) {
      if (SMALL_PRIMES.some((p, i) => (residues[i]! + step) % p === 0)) continue;
      const c = start + BigInt(step);
      if (gcd(E, c - 1n) === 1n && (await isProbablePrime(c))) return c;
    }
  }
}

/**
 * An RSA pair with a modulus of exactly `bits` bits and e = 65537: k − 1 primes of bits/k bits from
 * `crypto.generatePrime`, and a last one drawn from just the range that makes their product exactly
 * `bits` long (drawing all k again whenever the product came out a bit short would cost nearly twice
 * as much for five primes). A prime for which e is not invertible, or a repeated one, is drawn again.
 */
export async function rsaPairOfBits(bits: number): Promise<WrappingKeyPair> {
  const k = primeCount(bits);
  const size = Math.floor(bits / k);
  for (;;) {
    const first = await Promise.all(Array.from({ length: k - 1 }, () => prime(size)));
    if (new Set(first).size !== k - 1 || first.some((p) => gcd(E, p - 1n) !== 1n)) continue;
    const m = first.reduce((a, b) => a * b, 1n);
    const top = 1n << BigInt(bits);
    const last = await primeBetween((top / 2n + m - 1n) / m, top / m);
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
