/**
 * @module reference/model/wrapping-keys
 * RSA wrapping key pairs for GetParametersForImport. Every call gets a fresh pair (REQ-G7), and pairs
 * are the reference's most expensive work: a run of the suite asks for a few hundred. Three things
 * keep them cheap and off the request path:
 * - a pair is made of as many primes as OpenSSL's own multi-prime generator allows for the modulus
 *   size (three for 2048 and 3072 bits, four for 4096; RFC 8017 multi-prime RSA): the primes are
 *   smaller, and OpenSSL's 64 Miller-Rabin rounds per prime are the bulk of the cost. A client sees
 *   only the public key (n, e), which is the same kind of RSA key as ever;
 * - the primes come from `crypto.generatePrime` in parallel, on libuv's thread pool;
 * - a small pool per spec is filled ahead of use, from the first request for that spec on.
 * A pair is handed out once and never again.
 */
import { createPrivateKey, createPublicKey, generatePrime, type KeyObject } from 'node:crypto';
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

/** How many primes OpenSSL allows a modulus of `bits` bits (its `ossl_rsa_multip_cap`). */
export function primeCount(bits: number): number {
  return bits < 1024 ? 2 : bits < 4096 ? 3 : bits < 8192 ? 4 : 5;
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

/**
 * An RSA pair with a modulus of exactly `bits` bits and e = 65537. Primes for which e is not
 * invertible, repeated primes, or a product a bit short of `bits` are drawn again.
 */
export async function rsaPairOfBits(bits: number): Promise<WrappingKeyPair> {
  const k = primeCount(bits);
  const sizes = Array.from({ length: k }, (_, i) => Math.floor(bits / k) + (i < bits % k ? 1 : 0));
  for (;;) {
    const ps = await Promise.all(sizes.map(prime));
    const n = ps.reduce((a, b) => a * b, 1n);
    if (n.toString(2).length !== bits || new Set(ps).size !== k || ps.some((p) => gcd(E, p - 1n) !== 1n)) continue;
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
