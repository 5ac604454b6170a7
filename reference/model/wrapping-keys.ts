/**
 * @module reference/model/wrapping-keys
 * RSA wrapping key pairs for GetParametersForImport. Every call gets a fresh pair (REQ-G7), and pairs
 * are the reference's most expensive work: a run of the suite asks for a few hundred. Two things keep
 * them off the request path:
 * - a pair is assembled from two primes of OpenSSL's prime generator (`crypto.generatePrime`), which
 *   costs a third to a quarter of `generateKeyPair('rsa')` here (that one adds FIPS 186-4 checks a
 *   wrapping key for test material does not need), and the two primes are found in parallel;
 * - a small pool per spec is filled ahead of use, on libuv's thread pool, from the first request for
 *   that spec on. A pair is handed out once and never again.
 */
import { createPrivateKey, createPublicKey, generatePrime, type KeyObject } from 'node:crypto';

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

/** Big-endian unsigned bytes of `n`, base64url, as JWK wants them. */
function b64u(n: bigint): string {
  const hex = n.toString(16);
  return Buffer.from(hex.length % 2 ? `0${hex}` : hex, 'hex').toString('base64url');
}

/**
 * An RSA pair with a modulus of exactly `bits` bits and e = 65537. OpenSSL's primes have their two
 * top bits set, so the product of two `bits/2`-bit primes always has `bits` bits; primes for which e
 * is not invertible, or that lie too close together (FIPS 186-4's |p−q| bound), are drawn again.
 */
export async function rsaPairOfBits(bits: number): Promise<WrappingKeyPair> {
  const half = bits / 2;
  for (;;) {
    const [p, q] = await Promise.all([prime(half), prime(half)]);
    const distance = p > q ? p - q : q - p;
    if (distance < 1n << BigInt(half - 100) || gcd(E, p - 1n) !== 1n || gcd(E, q - 1n) !== 1n) continue;
    const n = p * q;
    const d = inverse(E, (p - 1n) * (q - 1n));
    const privateKey = createPrivateKey({
      key: { kty: 'RSA', n: b64u(n), e: b64u(E), d: b64u(d), p: b64u(p), q: b64u(q), dp: b64u(d % (p - 1n)), dq: b64u(d % (q - 1n)), qi: b64u(inverse(q, p)) },
      format: 'jwk',
    });
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
