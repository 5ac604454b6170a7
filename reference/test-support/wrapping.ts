/**
 * @module reference/test-support/wrapping
 * The client side of key import: wrapping key material with the public key GetParametersForImport
 * returned, for each wrapping algorithm; and a fast wrapping-key generator for tests.
 */
import { constants, createCipheriv, createPublicKey, publicEncrypt, randomBytes, type KeyObject } from 'node:crypto';
import { rsaPairGenerator, type PairGenerator, type WrappingKeyPair, type WrappingKeySpec } from '../model/wrapping-keys.ts';

export const WRAPPING_ALGORITHMS = ['RSAES_OAEP_SHA_1', 'RSAES_OAEP_SHA_256', 'RSA_AES_KEY_WRAP_SHA_1', 'RSA_AES_KEY_WRAP_SHA_256'] as const;
export type WrappingAlgorithm = (typeof WRAPPING_ALGORITHMS)[number];
export const WRAPPING_KEY_SPECS: readonly WrappingKeySpec[] = ['RSA_2048', 'RSA_3072', 'RSA_4096'];

/** RFC 5649's alternative initial value, which Node's `id-aes256-wrap-pad` expects as the IV. */
const KEY_WRAP_PAD_IV = Buffer.from('A65959A6', 'hex');

const pairs = new Map<WrappingKeySpec, Promise<WrappingKeyPair>>();

/**
 * A generator that makes one real pair per spec and hands it out on every call. RSA-4096 generation
 * takes seconds; sharing a pair keeps the suite fast. Tests that need a fresh pair per call use the
 * reference's own generator instead.
 */
export const cachedPairGenerator: PairGenerator = (spec) => {
  let pair = pairs.get(spec);
  if (!pair) {
    pair = rsaPairGenerator(spec);
    pairs.set(spec, pair);
  }
  return pair;
};

export function publicKeyFromDer(der: Uint8Array): KeyObject {
  return createPublicKey({ key: Buffer.from(der), format: 'der', type: 'spki' });
}

/** The modulus size in bits of a DER SubjectPublicKeyInfo RSA key. */
export function modulusBits(der: Uint8Array): number | undefined {
  return publicKeyFromDer(der).asymmetricKeyDetails?.modulusLength;
}

/**
 * Wraps `material` as the named algorithm defines. RSAES_OAEP_*: RSA-OAEP of the material itself.
 * RSA_AES_KEY_WRAP_*: RSA-OAEP of a fresh 256-bit AES key, followed by the material wrapped under
 * that key with AES key wrap with padding (RFC 5649).
 */
export function wrapKeyMaterial(publicKey: Uint8Array | KeyObject, algorithm: WrappingAlgorithm, material: Buffer): Buffer {
  const key = publicKey instanceof Uint8Array ? publicKeyFromDer(publicKey) : publicKey;
  const oaepHash = algorithm.endsWith('SHA_1') ? 'sha1' : 'sha256';
  const rsa = (data: Buffer) => publicEncrypt({ key, padding: constants.RSA_PKCS1_OAEP_PADDING, oaepHash }, data);
  if (algorithm.startsWith('RSAES_OAEP')) return rsa(material);
  const aesKey = randomBytes(32);
  const cipher = createCipheriv('id-aes256-wrap-pad', aesKey, KEY_WRAP_PAD_IV);
  return Buffer.concat([rsa(aesKey), cipher.update(material), cipher.final()]);
}
