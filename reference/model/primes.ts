/**
 * @module reference/model/primes
 * Probable primes for RSA wrapping keys: a sieve by the odd primes below SIEVE_LIMIT, then
 * Miller-Rabin with as many rounds as the candidate's size needs (roundsFor). Each round's modular
 * exponentiation is done by OpenSSL: an RSA public operation without padding under the "key" (n, d)
 * is exactly a^d mod n. OpenSSL's own `generatePrime` and `checkPrime` always spend 64 rounds on a
 * prime, whatever `checks` says, and those rounds were most of what a wrapping pair cost. Used in the
 * prime-search worker thread (reference/model/prime-worker.ts) and, where no worker can run, in the
 * calling thread.
 */
import { constants, createPublicKey, publicEncrypt, randomBytes } from 'node:crypto';
import { setImmediate as nextTurn } from 'node:timers/promises';

function gcd(a: bigint, b: bigint): bigint {
  while (b !== 0n) [a, b] = [b, a % b];
  return a;
}

/** The odd primes below `limit`, by the sieve of Eratosthenes. */
function oddPrimesBelow(limit: number): number[] {
  const composite = new Uint8Array(limit);
  const out: number[] = [];
  for (let i = 3; i < limit; i += 2) {
    if (composite[i]) continue;
    out.push(i);
    for (let j = i * i; j < limit; j += 2 * i) composite[j] = 1;
  }
  return out;
}

/**
 * Candidates are sieved by the odd primes below this before any Miller-Rabin round (see primeBetween):
 * by 2¹⁶ rather than 2¹², about a quarter fewer composites reach a round (Mertens' theorem), which
 * was worth more than the longer sieve costs (bench/wrapping-pairs.ts).
 */
export const SIEVE_LIMIT = 1 << 16;
const SMALL_PRIMES = oddPrimesBelow(SIEVE_LIMIT);
/**
 * The small primes in groups whose product stays below 2⁵³: one BigInt remainder per group, and the
 * remainder by each prime of the group in plain numbers.
 */
const GROUPS: { product: bigint; primes: number[] }[] = [];
for (const p of SMALL_PRIMES) {
  const last = GROUPS.at(-1);
  if (last && Number(last.product) * p < 2 ** 53) {
    last.product *= BigInt(p);
    last.primes.push(p);
  } else GROUPS.push({ product: BigInt(p), primes: [p] });
}

/**
 * Odd candidates looked at from one random start. Primes of 819 bits (the largest a pair is made of)
 * lie about 570 apart, 280 odd candidates, so a window nearly always holds one.
 */
const WINDOW = 1 << 13;

const bytesOf = (x: bigint): Buffer => {
  const hex = x.toString(16);
  return Buffer.from(hex.length % 2 ? `0${hex}` : hex, 'hex');
};

/** The chance of a composite passing that roundsFor allows: 2⁻¹⁰⁰. */
export const ERROR_BITS = 100;

/**
 * log₂ of the bound of Damgård, Landrock and Pomerance ("Average case error estimates for the strong
 * probable prime test", Math. Comp. 61 (1993), Proposition 4 (ii)) on the chance that a random odd
 * k-bit number that passes t rounds with random bases is composite: k^{3/2} · 2^t · t^{−1/2} ·
 * 4^{2−√(tk)}, valid for k ≥ 88 and 3 ≤ t ≤ k/9. (It gives 7 rounds for 2⁻⁸⁰ at 400 bits, as the
 * Handbook of Applied Cryptography's Table 4.4 does.)
 */
export function errorBound(k: number, t: number): number {
  return 1.5 * Math.log2(k) + t - 0.5 * Math.log2(t) + 2 * (2 - Math.sqrt(t * k));
}

/**
 * Rounds for a candidate of `bits` bits: the fewest that bring errorBound under 2^−ERROR_BITS (10
 * for the 409-bit primes of a 2048-bit pair, 7 for 614 bits, 5 for 819 bits); where the bound does not
 * apply, the worst case of Rabin's 4^−t. The search tries consecutive candidates from a random start
 * rather than independent ones, for which Brandt and Damgård (CRYPTO '92) give bounds of the same kind.
 */
export function roundsFor(bits: number): number {
  for (let t = 3; bits >= 88 && t <= bits / 9; t++) if (errorBound(bits, t) < -ERROR_BITS) return t;
  return Math.ceil(ERROR_BITS / 2);
}

/**
 * Miller-Rabin for odd n > 3, with the base 2 first (it rejects almost every composite the sieve lets
 * through) and then random bases, `rounds` in all. a^d mod n comes from OpenSSL as the RSA public
 * operation without padding under the "key" (n, d); the squarings after it are cheap in BigInt.
 */
export function isProbablePrime(n: bigint, rounds = roundsFor(n.toString(2).length)): boolean {
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
 * Sets marks[j] to 1 exactly where a prime below SIEVE_LIMIT divides start + 2j (start odd), and to
 * 0 elsewhere.
 */
export function markMultiples(start: bigint, marks: Uint8Array): void {
  marks.fill(0);
  for (const group of GROUPS) {
    const g = Number(start % group.product);
    for (const p of group.primes) {
      // The first j with p | start + 2j: 2j ≡ −start (mod p), and (p + 1) / 2 is the inverse of 2.
      const r = g % p;
      for (let j = (((p - r) % p) * ((p + 1) / 2)) % p; j < marks.length; j += p) marks[j] = 1;
    }
  }
}

/**
 * A probable prime p in [lo, hi) with gcd(e, p − 1) = 1. From a random odd start, the next WINDOW odd
 * numbers are sieved at once by the small primes (markMultiples),
 * and those left are tested by Miller-Rabin until one passes; a window without one gives way to a new
 * random start. Composites are most of what is tested, and each costs a modular exponentiation, so
 * the sieve is what makes a search cheap. The search yields to the event loop between tests (so
 * that several searches share a thread fairly, and a thread that has other work goes on doing it).
 */
export async function primeBetween(lo: bigint, hi: bigint, e: bigint): Promise<bigint> {
  const marks = new Uint8Array(WINDOW);
  for (;;) {
    const start = (lo + below(hi - lo)) | 1n;
    markMultiples(start, marks);
    for (let j = 0; j < WINDOW; j++) {
      if (marks[j]) continue;
      const c = start + 2n * BigInt(j);
      if (c >= hi) break;
      if (gcd(e, c - 1n) !== 1n) continue;
      await nextTurn();
      if (isProbablePrime(c)) return c;
    }
  }
}
