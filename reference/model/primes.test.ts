/**
 * The probable-prime test and search behind the wrapping keys: Miller-Rabin agrees with OpenSSL, and
 * a search gives a prime in its range for which e = 65537 is invertible.
 */
import { checkPrimeSync, generatePrimeSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { errorBound, isProbablePrime, markMultiples, primeBetween, roundsFor, SIEVE_LIMIT } from './primes.ts';

describe('isProbablePrime', () => {
  it('agrees with OpenSSL on primes, on composites the sieve lets through, and on Carmichael and strong pseudoprime numbers', () => {
    for (const bits of [64, 410, 819]) {
      const p = generatePrimeSync(bits, { bigint: true });
      const q = generatePrimeSync(bits, { bigint: true });
      expect(isProbablePrime(p), `a ${bits}-bit prime`).toBe(true);
      expect(isProbablePrime(p * q), `a product of two ${bits}-bit primes`).toBe(false);
    }
    // 561 and 41041 are Carmichael numbers (Fermat liars to every coprime base); 2047 and 3277 are
    // strong pseudoprimes to the base 2, so only the random bases unmask them.
    for (const n of [561n, 41_041n, 2_047n, 3_277n, 1_373_653n]) expect(isProbablePrime(n), String(n)).toBe(false);
    for (const n of [7n, 65_537n, 2_147_483_647n]) expect(isProbablePrime(n), String(n)).toBe(true);
  });
});

describe('primeBetween', () => {
  it('finds a prime inside the range, one for which 65537 is invertible, in a narrow range too', async () => {
    for (const [lo, hi] of [
      [1n << 255n, 1n << 256n],
      [(1n << 300n) + 12_345n, (1n << 300n) + 12_345n + (1n << 40n)],
    ] as const) {
      const p = await primeBetween(lo, hi, 65_537n);
      expect(p >= lo && p < hi).toBe(true);
      expect(checkPrimeSync(p)).toBe(true);
      expect((p - 1n) % 65_537n).not.toBe(0n);
    }
  });
});

describe('roundsFor', () => {
  it('gives the fewest rounds whose bound is under 2^-100, and agrees with the Handbook of Applied Cryptography at 2^-80', () => {
    for (const bits of [409, 614, 819, 1024]) {
      const t = roundsFor(bits);
      expect(errorBound(bits, t)).toBeLessThan(-100);
      expect(errorBound(bits, t - 1)).toBeGreaterThanOrEqual(-100);
    }
    expect(errorBound(400, 7)).toBeLessThan(-80);
    expect(errorBound(400, 6)).toBeGreaterThan(-80);
    expect(roundsFor(64)).toBe(50);
  });
});

describe('markMultiples', () => {
  it('marks exactly the odd candidates that a prime below the sieve limit divides', () => {
    // A start small enough for exact arithmetic in plain numbers, far above the sieve's primes.
    const start = 1_000_000_000_000_001;
    const marks = new Uint8Array(4096);
    markMultiples(BigInt(start), marks);
    const primes: number[] = [];
    for (let p = 3; p < SIEVE_LIMIT; p += 2) if (primes.every((q) => q * q > p || p % q !== 0)) primes.push(p);
    const wrong: number[] = [];
    for (let j = 0; j < marks.length; j++) {
      const divisible = primes.some((p) => (start + 2 * j) % p === 0);
      if (divisible !== (marks[j] === 1)) wrong.push(j);
    }
    expect(wrong).toEqual([]);
    expect(marks.filter((m) => m === 0).length).toBeGreaterThan(0);
  });
});
