/**
 * Wrapping key pairs assembled from OpenSSL primes are ordinary RSA keys: the requested modulus size,
 * e = 65537, usable with OAEP both ways, and a new pair every time (REQ-G7).
 */
import { constants, privateDecrypt, publicEncrypt, randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { rsaPairOfBits, WrappingKeyPool, type WrappingKeyPair } from './wrapping-keys.ts';

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
