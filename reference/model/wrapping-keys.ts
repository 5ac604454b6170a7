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
 * - a prime is confirmed by eight Miller-Rabin rounds with random bases, each a modular
 *   exponentiation that OpenSSL does (an RSA public operation without padding is exactly one), after a
 *   sieve by the primes below 2¹². OpenSSL's own `generatePrime` and `checkPrime` always spend 64 rounds
 *   on the prime they find, whatever `checks` says, and those rounds were most of a pair's cost;
 *   eight rounds leave a chance below 2⁻¹⁰⁰ that a random candidate of 400 bits or more is composite
 *   (Damgård, Landrock and Pomerance 1993; FIPS 186-5 B.3.1). The work yields to the event loop
 *   between candidates, so requests are answered in between;
 * - a small pool per spec is filled ahead of use, from the first request for that spec on.
 * A pair is handed out once and never again.
 */
import { constants, createPrivateKey, createPublicKey, publicEncrypt, randomBytes, type KeyObject } from 'node:crypto';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { integer as derInteger, sequence as derSequence } from '../crypto/der.ts';

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

const bytesOf = (x: bigint): Buffer => {
  const hex = x.toString(16);
  return Buffer.from(hex.length % 2 ? `0${hex}` : hex, 'hex');
};

/** Miller-Rabin rounds a prime must pass (see the module comment). */
export const PRIME_ROUNDS = 8;

/**
 * Miller-Rabin for odd n > 3 with the base 2 first (it rejects almost every composite the sieve lets
 * through) and then `rounds − 1` random bases. a^d mod n comes from OpenSSL as the RSA public
 * operation without padding under the "key" (n, d); the squarings after it are cheap in BigInt.
 */
export function isProbablePrime(n: bigint, rounds = PRIME_ROUNDS): boolean {
  let d = n - 1n;
  let s = 0;
  while ((d & 1n) === 0n) {
    d >>= 1n;
    s += 1;
  }
  const size = bytesOf(n).length;
  const key = createPublicKey({ key: { kty: 'RSA', n: bytesOf(n).toString('base64url'), e: bytesOf(d).toString('base64url') }, format: 'jwk' });
  const power = (a: bigint): bigint => {
    const block = Buffer.alloc(size);
    const bytes = bytesOf(a);
    bytes.copy(block, size - bytes.length);
    return BigInt(`0x${publicEncrypt({ key, padding: constants.RSA_NO_PADDING }, block).toString('hex')}`);
  };
  for (let round = 0; round < rounds; round++) {
    let x = power(round === 0 ? 2n : 2n + below(n - 3n));
    if (x === 1n || x === n - 1n) continue;
    let witness = true;
    for (let i = 1; i < s && witness; i++) {
      x = (x * x) % n;
      if (x === n - 1n) witness = false;
    }
    if (witness) return false;
  }
  return true;
}

/** A uniformly drawn integer in [0, span) (span > 0), with a bias below 2⁻⁶⁴. */
function below(span: bigint): bigint {
  return BigInt(`0x${randomBytes(Math.ceil(span.toString(16).length / 2) + 8).toString('hex')}`) % span;
}

/**
 * A probable prime p in [lo, hi) with gcd(e, p − 1) = 1: from a random odd start, the candidates
 * upwards that no small prime divides (the residues are worked out once per start) are tested by
 * Miller-Rabin until one passes, yielding to the event loop between tests.
 */
export async function primeBetween(lo: bigint, hi: bigint): Promise<bigint> {
  for (;;) {
    const start = (lo + below(hi - lo)) | 1n;
    const residues = SMALL_PRIMES.map((p) => Number(start % BigInt(p)));
    for (let step = 0; start + BigInt(step) < hi; step += 2) {
      if (SMALL_PRIMES.some((p, i) => (residues[i]! + step) % p === 0)) continue;
      const c = start + BigInt(step);
      if (gcd(E, c - 1n) !== 1n) continue;
      await nextTurn();
      if (isProbablePrime(c)) return c;
    }
  }
}

/** A probable prime of exactly `bits` bits with its two top bits set (so that k of them make a k·bits-bit product). */
const prime = (bits: number): Promise<bigint> => primeBetween(3n << BigInt(bits - 2), 1n << BigInt(bits));

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
