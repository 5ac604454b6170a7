/**
 * Wrapping key pairs assembled from OpenSSL primes are ordinary RSA keys: the requested modulus size,
 * e = 65537, usable with OAEP both ways, and a new pair every time (REQ-G7).
 */
import { constants, createPrivateKey, privateDecrypt, publicEncrypt, randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { pkcs1PrivateKey, primeCount, rsaPairOfBits, WrappingKeyPool, type WrappingKeyPair } from './wrapping-keys.ts';

describe('rsaPairOfBits', () => {
  it.each([2048, 3072])('gives a %i-bit pair that OAEP-encrypts and decrypts', async (bits) => {
    const { publicKey, privateKey } = await rsaPairOfBits(bits);
    expect(publicKey.asymmetricKeyDetails).toMatchObject({ modulusLength: bits, publicExponent: 65537n });
    const material = randomBytes(32);
    for (const oaepHash of ['sha1', 'sha256']) {
      const wrapped = publicEncrypt({ key: publicKey, padding: constants.RSA_PKCS1_OAEP_PADDING, oaepHash }, material);
      expect(privateDecrypt({ key: privateKey, padding: constants.RSA_PKCS1_OAEP_PADDING, oaepHash }, wrapped).equals(material)).toBe(true);
    }
  }, 60_000);

  it('never gives the same pair twice', async () => {
    const pairs = await Promise.all(Array.from({ length: 4 }, () => rsaPairOfBits(2048)));
    const moduli = new Set(pairs.map((p) => p.publicKey.export({ format: 'jwk' }).n));
    expect(moduli.size).toBe(4);
  }, 60_000);
});

describe('WrappingKeyPool', () => {
  it('hands each generated pair out once, and keeps the configured number ready for the spec asked for', async () => {
    let made = 0;
    const generator = async () => ({ id: ++made }) as unknown as WrappingKeyPair;
    const pool = new WrappingKeyPool(generator, { RSA_2048: 3, RSA_3072: 1, RSA_4096: 1 });
    const first = await pool.take('RSA_2048');
    expect(made).toBe(4); // the one taken, and three ready
    const second = await pool.take('RSA_2048');
    expect(second).not.toBe(first);
    expect(made).toBe(5);
  });
});

describe('multi-prime pairs', () => {
  it.each([
    [2048, 5],
    [3072, 5],
    [4096, 5],
  ])('a %i-bit key has %i primes, and OpenSSL reads back exactly the PKCS#1 key it was given', async (bits, k) => {
    expect(primeCount(bits)).toBe(k);
    const { privateKey, publicKey } = await rsaPairOfBits(bits);
    const der = privateKey.export({ format: 'der', type: 'pkcs1' });
    // version 1 (multi-prime) and k − 2 OtherPrimeInfo entries: OpenSSL kept every prime.
    const again = createPrivateKey({ key: der, format: 'der', type: 'pkcs1' });
    expect(again.export({ format: 'der', type: 'pkcs1' }).equals(der)).toBe(true);
    expect(der.subarray(0, 2)).toEqual(Buffer.from([0x30, 0x82])); // a SEQUENCE of two length bytes,
    expect(der.subarray(4, 7)).toEqual(Buffer.from([0x02, 0x01, 0x01])); // then INTEGER 1: the multi-prime version
    const material = randomBytes(32);
    const wrapped = publicEncrypt({ key: publicKey, padding: constants.RSA_PKCS1_OAEP_PADDING, oaepHash: 'sha256' }, material);
    expect(privateDecrypt({ key: again, padding: constants.RSA_PKCS1_OAEP_PADDING, oaepHash: 'sha256' }, wrapped).equals(material)).toBe(true);
  }, 120_000);

  it('encodes a two-prime key as version 0 without OtherPrimeInfos', () => {
    const der = pkcs1PrivateKey([61n, 53n], 17n, 413n);
    expect(der.subarray(0, 5)).toEqual(Buffer.from([0x30, der.length - 2, 0x02, 0x01, 0x00]));
  });
});
