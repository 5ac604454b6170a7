/**
 * @module harness/kms/material
 * Key material to import into non-symmetric keys, in the forms AWS was recorded importing (crypto
 * ground truth §3.2): an RSA or ECC private key as DER PKCS #8, HMAC material as raw random bytes of
 * the digest length.
 */
import { generateKeyPair, randomBytes } from 'node:crypto';
import type { KeySpec } from '@aws-sdk/client-kms';
import { CURVE_OF } from './offline.ts';

export const HMAC_KEY_BYTES: Partial<Record<KeySpec, number>> = { HMAC_224: 28, HMAC_256: 32, HMAC_384: 48, HMAC_512: 64 };

export interface PrivateKeyMaterial {
  /** DER PKCS #8 PrivateKeyInfo: what ImportKeyMaterial carries. */
  material: Buffer;
  /** DER SubjectPublicKeyInfo of the same key, as derived locally. */
  publicKeyDer: Buffer;
}

function generated(spec: KeySpec): Promise<PrivateKeyMaterial> {
  const curve = CURVE_OF[spec];
  const [type, options] = curve ? (['ec', { namedCurve: curve }] as const) : (['rsa', { modulusLength: Number(spec.slice(4)) }] as const);
  return new Promise((resolve, reject) =>
    generateKeyPair(type as 'ec', options as { namedCurve: string }, (err, publicKey, privateKey) =>
      err
        ? reject(err)
        : resolve({ material: privateKey.export({ type: 'pkcs8', format: 'der' }), publicKeyDer: publicKey.export({ type: 'spki', format: 'der' }) }),
    ),
  );
}

/**
 * RSA material made once per spec in this process. An RSA pair is the costliest thing the suite makes
 * itself (an RSA_4096 pair takes seconds of a core, and a run imports several), and KMS relates
 * nothing across keys: two keys may hold the same imported material, as two importers could give
 * them. A check that needs two different RSA materials asks for `{ fresh: true }`.
 */
const rsaOnce = new Map<KeySpec, Promise<PrivateKeyMaterial>>();

/**
 * An RSA or ECC private key of `spec` to import: ECC is fresh on every call (it is cheap); RSA is this
 * process's one pair of that size unless `fresh` is asked for.
 */
export function privateKeyMaterial(spec: KeySpec, options: { fresh?: boolean } = {}): Promise<PrivateKeyMaterial> {
  if (CURVE_OF[spec] || options.fresh) return generated(spec);
  let once = rsaOnce.get(spec);
  if (!once) {
    once = generated(spec);
    // A failed generation is not remembered: the next check tries again.
    once.catch(() => rsaOnce.delete(spec));
    rsaOnce.set(spec, once);
  }
  // Copies, so that a check that spoils its material spoils only its own.
  return once.then((m) => ({ material: Buffer.from(m.material), publicKeyDer: Buffer.from(m.publicKeyDer) }));
}

/** Fresh HMAC key material of the spec's digest length. */
export function hmacMaterial(spec: KeySpec): Buffer {
  const n = HMAC_KEY_BYTES[spec];
  if (!n) throw new Error(`${spec} is not an HMAC key spec`);
  return randomBytes(n);
}
