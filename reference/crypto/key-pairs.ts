/**
 * @module reference/crypto/key-pairs
 * Key material of every family: how it is generated, how imported material is checked and made
 * canonical, and the public key it implies. Material is held as bytes, the form AWS imports it in:
 * PKCS#8 DER for RSA, ECC and Ed25519 private keys (ground truth §3.2), the raw key for HMAC and
 * symmetric keys, the FIPS 203/204 seed for ML-KEM and ML-DSA. Parsed key objects are cached per
 * material buffer, so a key is parsed once however often it signs.
 */
import { createPrivateKey, createPublicKey, generateKeyPair, type KeyObject } from 'node:crypto';
import { ml_dsa44, ml_dsa65, ml_dsa87 } from '@noble/post-quantum/ml-dsa.js';
import { ml_kem1024, ml_kem512, ml_kem768 } from '@noble/post-quantum/ml-kem.js';
import type { DataKeyPairSpec, KeySpec } from '../api/kms-api.generated.ts';
import { pkcs8, spki, tlv } from './der.ts';
import { KEY_SPECS, RSA_BITS } from './key-specs.ts';

/** OpenSSL's names of the curves of the ECC key specs. */
export const CURVES: Partial<Record<KeySpec, string>> = {
  ECC_NIST_P256: 'prime256v1',
  ECC_NIST_P384: 'secp384r1',
  ECC_NIST_P521: 'secp521r1',
  ECC_SECG_P256K1: 'secp256k1',
};

/** HMAC key lengths: the digest length is the one AWS recorded importing (ground truth §3.2). */
export const HMAC_BYTES: Partial<Record<KeySpec, number>> = { HMAC_224: 28, HMAC_256: 32, HMAC_384: 48, HMAC_512: 64 };
/**
 * The longest HMAC key the reference imports: the hash's block size (RFC 2104 §3 advises against
 * longer keys). What AWS accepts besides the digest length is not known.
 */
const HMAC_MAX_BYTES: Partial<Record<KeySpec, number>> = { HMAC_224: 64, HMAC_256: 64, HMAC_384: 128, HMAC_512: 128 };

export const ML_DSA = { ML_DSA_44: ml_dsa44, ML_DSA_65: ml_dsa65, ML_DSA_87: ml_dsa87 } as const;
export const ML_KEM = { ML_KEM_512: ml_kem512, ML_KEM_768: ml_kem768, ML_KEM_1024: ml_kem1024 } as const;
export type MlDsaSpec = keyof typeof ML_DSA;
export type MlKemSpec = keyof typeof ML_KEM;

/** Object identifiers of the post-quantum algorithms (NIST CSOR: id-ml-dsa-*, id-alg-ml-kem-*). */
const PQ_OIDS: Record<MlDsaSpec | MlKemSpec, string> = {
  ML_DSA_44: '2.16.840.1.101.3.4.3.17',
  ML_DSA_65: '2.16.840.1.101.3.4.3.18',
  ML_DSA_87: '2.16.840.1.101.3.4.3.19',
  ML_KEM_512: '2.16.840.1.101.3.4.4.1',
  ML_KEM_768: '2.16.840.1.101.3.4.4.2',
  ML_KEM_1024: '2.16.840.1.101.3.4.4.3',
};
/** Seed lengths: ξ for ML-DSA (FIPS 204), d ‖ z for ML-KEM (FIPS 203). */
const ML_DSA_SEED_BYTES = 32;
const ML_KEM_SEED_BYTES = 64;

export const isMlDsa = (spec: string): spec is MlDsaSpec => spec in ML_DSA;
export const isMlKem = (spec: string): spec is MlKemSpec => spec in ML_KEM;

/** Makes RSA pairs of a modulus size (the reference's wrapping-key pool, or a plain generator). */
export type RsaSource = (spec: 'RSA_2048' | 'RSA_3072' | 'RSA_4096') => Promise<{ privateKey: KeyObject }>;

const pkcs8Der = (key: KeyObject): Buffer => key.export({ type: 'pkcs8', format: 'der' });

function generated(type: 'ec' | 'ed25519' | 'rsa', options: object): Promise<KeyObject> {
  return new Promise((resolve, reject) =>
    generateKeyPair(type as 'ec', options as { namedCurve: string }, (err, _pub, priv) => (err ? reject(err) : resolve(priv))),
  );
}

/** New material for a key of `spec`, as KMS generates it for Origin AWS_KMS. */
export async function generateMaterial(spec: KeySpec, random: (n: number) => Buffer, rsa: RsaSource): Promise<Buffer> {
  const family = KEY_SPECS[spec].family;
  switch (family) {
    case 'symmetric':
      return random(32);
    case 'hmac':
      return random(HMAC_BYTES[spec]!);
    case 'rsa':
      return pkcs8Der((await rsa(spec as 'RSA_2048')).privateKey);
    case 'ecc':
      return pkcs8Der(await generated('ec', { namedCurve: CURVES[spec] }));
    case 'ed25519':
      return pkcs8Der(await generated('ed25519', {}));
    case 'ml-dsa':
      return random(ML_DSA_SEED_BYTES);
    case 'ml-kem':
      return random(ML_KEM_SEED_BYTES);
    case 'sm2':
      throw new Error('generateMaterial: the reference has no SM2 keys');
  }
}

/**
 * Imported material made canonical, or a reason it does not fit a key of `spec`. The canonical form
 * is what the reference stores and compares: reimporting the same private key in another valid
 * encoding is the same material.
 */
export function canonicalImport(spec: KeySpec, bytes: Buffer): { material: Buffer } | { problem: string } {
  const family = KEY_SPECS[spec].family;
  if (family === 'symmetric') return bytes.length === 32 ? { material: bytes } : { problem: 'Symmetric key material must be 32 bytes.' };
  if (family === 'hmac') {
    const [min, max] = [HMAC_BYTES[spec]!, HMAC_MAX_BYTES[spec]!];
    return bytes.length >= min && bytes.length <= max ? { material: bytes } : { problem: `${spec} key material must be ${min} to ${max} bytes.` };
  }
  let key: KeyObject;
  try {
    key = createPrivateKey({ key: bytes, format: 'der', type: 'pkcs8' });
  } catch {
    return { problem: 'The key material is not a DER-encoded PKCS #8 private key.' };
  }
  const details = key.asymmetricKeyDetails;
  if (family === 'rsa' && key.asymmetricKeyType === 'rsa' && details?.modulusLength === RSA_BITS[spec]) return { material: pkcs8Der(key) };
  if (family === 'ecc' && key.asymmetricKeyType === 'ec' && details?.namedCurve === CURVES[spec]) return { material: pkcs8Der(key) };
  return { problem: `The private key does not fit key spec ${spec}.` };
}

interface Parsed {
  privateKey?: KeyObject;
  publicKey?: KeyObject;
  /** DER SubjectPublicKeyInfo. */
  spki?: Buffer;
  /** Raw keys of the post-quantum specs. */
  pq?: { publicKey: Uint8Array; secretKey: Uint8Array };
}

const parsedCache = new WeakMap<Buffer, Parsed>();

/** The parsed form of a key's material (cached). */
export function parsed(spec: KeySpec, material: Buffer): Parsed {
  let p = parsedCache.get(material);
  if (p) return p;
  const family = KEY_SPECS[spec].family;
  if (family === 'rsa' || family === 'ecc' || family === 'ed25519') {
    const privateKey = createPrivateKey({ key: material, format: 'der', type: 'pkcs8' });
    const publicKey = createPublicKey(privateKey);
    p = { privateKey, publicKey, spki: publicKey.export({ type: 'spki', format: 'der' }) };
  } else if (isMlDsa(spec) || isMlKem(spec)) {
    const pq = isMlDsa(spec) ? ML_DSA[spec].keygen(material) : ML_KEM[spec].keygen(material);
    p = { pq, spki: spki(PQ_OIDS[spec], Buffer.from(pq.publicKey)) };
  } else {
    p = {};
  }
  parsedCache.set(material, p);
  return p;
}

/** The DER SubjectPublicKeyInfo of an asymmetric key's material. */
export function publicKeyDer(spec: KeySpec, material: Buffer): Buffer {
  const der = parsed(spec, material).spki;
  if (!der) throw new Error(`publicKeyDer: ${spec} keys have no public key`);
  return der;
}

/**
 * The PKCS#8 of an ML-KEM seed: the private key OCTET STRING holds the `seed [0]` choice of
 * ML-KEM-PrivateKey in the IETF LAMPS profile for ML-KEM keys, so all three specs have private keys of the same length, as AWS
 * documents for data key pairs.
 */
export function mlKemPkcs8(spec: MlKemSpec, seed: Buffer): Buffer {
  return pkcs8(PQ_OIDS[spec], tlv(0x80, seed));
}

/** A data key pair: DER SPKI public key and DER PKCS#8 private key (GenerateDataKeyPair). */
export async function dataKeyPair(spec: DataKeyPairSpec, random: (n: number) => Buffer): Promise<{ publicKey: Buffer; privateKey: Buffer }> {
  if (isMlKem(spec)) {
    const seed = random(ML_KEM_SEED_BYTES);
    return { publicKey: publicKeyDer(spec, seed), privateKey: mlKemPkcs8(spec, seed) };
  }
  let priv: KeyObject;
  if (spec === 'ECC_NIST_EDWARDS25519') priv = await generated('ed25519', {});
  else if (spec in CURVES) priv = await generated('ec', { namedCurve: CURVES[spec as KeySpec] });
  // Data key pairs leave KMS, so they are ordinary two-prime RSA keys any library reads.
  else priv = await generated('rsa', { modulusLength: RSA_BITS[spec as KeySpec] });
  return { publicKey: createPublicKey(priv).export({ type: 'spki', format: 'der' }), privateKey: pkcs8Der(priv) };
}
