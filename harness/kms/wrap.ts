/**
 * @module harness/kms/wrap
 * Client-side wrapping of key material for ImportKeyMaterial, as AWS documents each wrapping
 * algorithm: RSAES_OAEP_SHA_* encrypts the material with the public key; RSA_AES_KEY_WRAP_SHA_*
 * encrypts a fresh AES-256 key with the public key and wraps the material with it (AES key wrap with
 * padding, RFC 5649), the two concatenated.
 */
import { constants, createCipheriv, createPublicKey, publicEncrypt, randomBytes } from 'node:crypto';

export type WrappingAlgorithm = 'RSAES_OAEP_SHA_1' | 'RSAES_OAEP_SHA_256' | 'RSA_AES_KEY_WRAP_SHA_1' | 'RSA_AES_KEY_WRAP_SHA_256';
export type WrappingKeySpec = 'RSA_2048' | 'RSA_3072' | 'RSA_4096';

export const WRAPPING_ALGORITHMS: readonly WrappingAlgorithm[] = ['RSAES_OAEP_SHA_1', 'RSAES_OAEP_SHA_256', 'RSA_AES_KEY_WRAP_SHA_1', 'RSA_AES_KEY_WRAP_SHA_256'];
export const WRAPPING_KEY_SPECS: readonly WrappingKeySpec[] = ['RSA_2048', 'RSA_3072', 'RSA_4096'];

/** 256 bits of fresh symmetric key material. */
export function newKeyMaterial(): Buffer {
  return randomBytes(32);
}

/** Wraps `material` with the DER (SubjectPublicKeyInfo) public key GetParametersForImport returned. */
export function wrapKeyMaterial(publicKeyDer: Uint8Array, material: Buffer, algorithm: WrappingAlgorithm): Buffer {
  const key = createPublicKey({ key: Buffer.from(publicKeyDer), format: 'der', type: 'spki' });
  const oaepHash = algorithm.endsWith('SHA_1') ? 'sha1' : 'sha256';
  const rsa = (data: Buffer) => publicEncrypt({ key, padding: constants.RSA_PKCS1_OAEP_PADDING, oaepHash }, data);
  if (algorithm.startsWith('RSAES_OAEP')) return rsa(material);
  const aesKey = randomBytes(32);
  const cipher = createCipheriv('id-aes256-wrap-pad', aesKey, Buffer.from('A65959A6', 'hex'));
  return Buffer.concat([rsa(aesKey), cipher.update(material), cipher.final()]);
}
