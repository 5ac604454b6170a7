/**
 * @module harness/kms/key-specs
 * What the specs know about AWS's key specs, in the suite's own table (specs never import the
 * reference): the usages each spec may be created with and the algorithms each usage lists
 * (crypto ground truth §1.2), the hash of each algorithm, RSA plaintext limits.
 */
import type { KeySpec, KeyUsageType } from '@aws-sdk/client-kms';

export interface SpecUsage {
  spec: KeySpec;
  usage: KeyUsageType;
  /** The KeyMetadata field that lists the algorithms, and the list AWS reports. */
  field: 'EncryptionAlgorithms' | 'SigningAlgorithms' | 'MacAlgorithms' | 'KeyAgreementAlgorithms' | 'EncapsulationAlgorithms';
  algorithms: readonly string[];
}

const RSA_SIGNING = ['RSASSA_PKCS1_V1_5_SHA_256', 'RSASSA_PKCS1_V1_5_SHA_384', 'RSASSA_PKCS1_V1_5_SHA_512', 'RSASSA_PSS_SHA_256', 'RSASSA_PSS_SHA_384', 'RSASSA_PSS_SHA_512'];

/** Every valid spec × usage pair outside the China Regions (SM2 is China-only). */
export const VALID_SPEC_USAGES: readonly SpecUsage[] = [
  { spec: 'SYMMETRIC_DEFAULT', usage: 'ENCRYPT_DECRYPT', field: 'EncryptionAlgorithms', algorithms: ['SYMMETRIC_DEFAULT'] },
  ...(['224', '256', '384', '512'] as const).map((n) => ({ spec: `HMAC_${n}` as KeySpec, usage: 'GENERATE_VERIFY_MAC' as const, field: 'MacAlgorithms' as const, algorithms: [`HMAC_SHA_${n}`] })),
  ...(['RSA_2048', 'RSA_3072', 'RSA_4096'] as const).flatMap((spec) => [
    { spec, usage: 'ENCRYPT_DECRYPT' as const, field: 'EncryptionAlgorithms' as const, algorithms: ['RSAES_OAEP_SHA_1', 'RSAES_OAEP_SHA_256'] },
    { spec, usage: 'SIGN_VERIFY' as const, field: 'SigningAlgorithms' as const, algorithms: RSA_SIGNING },
  ]),
  ...([['ECC_NIST_P256', '256'], ['ECC_NIST_P384', '384'], ['ECC_NIST_P521', '512']] as const).flatMap(([spec, n]) => [
    { spec, usage: 'SIGN_VERIFY' as const, field: 'SigningAlgorithms' as const, algorithms: [`ECDSA_SHA_${n}`] },
    { spec, usage: 'KEY_AGREEMENT' as const, field: 'KeyAgreementAlgorithms' as const, algorithms: ['ECDH'] },
  ]),
  { spec: 'ECC_SECG_P256K1', usage: 'SIGN_VERIFY', field: 'SigningAlgorithms', algorithms: ['ECDSA_SHA_256'] },
  { spec: 'ECC_NIST_EDWARDS25519', usage: 'SIGN_VERIFY', field: 'SigningAlgorithms', algorithms: ['ED25519_SHA_512', 'ED25519_PH_SHA_512'] },
  ...(['ML_DSA_44', 'ML_DSA_65', 'ML_DSA_87'] as const).map((spec) => ({ spec, usage: 'SIGN_VERIFY' as const, field: 'SigningAlgorithms' as const, algorithms: ['ML_DSA_SHAKE_256'] })),
  ...(['ML_KEM_512', 'ML_KEM_768', 'ML_KEM_1024'] as const).map((spec) => ({ spec, usage: 'ENCAPSULATE_DECAPSULATE' as const, field: 'EncapsulationAlgorithms' as const, algorithms: ['ML_KEM'] })),
];

export const ALL_USAGES: readonly KeyUsageType[] = ['ENCRYPT_DECRYPT', 'SIGN_VERIFY', 'GENERATE_VERIFY_MAC', 'KEY_AGREEMENT', 'ENCAPSULATE_DECAPSULATE'];
export const ALGORITHM_FIELDS = ['EncryptionAlgorithms', 'SigningAlgorithms', 'MacAlgorithms', 'KeyAgreementAlgorithms', 'EncapsulationAlgorithms'] as const;

/** The key specs of the deprecated CustomerMasterKeySpec enum, which KeyMetadata also reports. */
export const LEGACY_SPECS: readonly string[] = [
  'RSA_2048', 'RSA_3072', 'RSA_4096', 'ECC_NIST_P256', 'ECC_NIST_P384', 'ECC_NIST_P521', 'ECC_SECG_P256K1',
  'SYMMETRIC_DEFAULT', 'HMAC_224', 'HMAC_256', 'HMAC_384', 'HMAC_512', 'SM2',
];

/** Usages a spec may be created with (outside China). */
export function usagesOf(spec: KeySpec): KeyUsageType[] {
  return VALID_SPEC_USAGES.filter((p) => p.spec === spec).map((p) => p.usage);
}

/** The node:crypto hash an algorithm name ends in. */
export function hashOf(algorithm: string): string {
  const m = /SHA_(1|224|256|384|512)$/.exec(algorithm);
  if (!m) throw new Error(`${algorithm} names no SHA hash`);
  return `sha${m[1]}`;
}

/** RSA modulus bytes of a spec. */
export const rsaBytes = (spec: KeySpec): number => Number(spec.slice(4)) / 8;

/** AWS's recorded RSAES-OAEP plaintext limits (k − 2·hLen − 2). */
export function oaepLimit(spec: KeySpec, algorithm: 'RSAES_OAEP_SHA_1' | 'RSAES_OAEP_SHA_256'): number {
  return rsaBytes(spec) - 2 * (algorithm === 'RSAES_OAEP_SHA_1' ? 20 : 32) - 2;
}

/** Signing algorithm × key spec pairs where the algorithm hashes with SHA-2 (RSA and ECDSA). */
export const HASHED_SIGNING: readonly { spec: KeySpec; algorithm: string }[] = [
  ...(['RSA_2048', 'RSA_3072', 'RSA_4096'] as const).flatMap((spec) => RSA_SIGNING.map((algorithm) => ({ spec, algorithm }))),
  { spec: 'ECC_NIST_P256', algorithm: 'ECDSA_SHA_256' },
  { spec: 'ECC_NIST_P384', algorithm: 'ECDSA_SHA_384' },
  { spec: 'ECC_NIST_P521', algorithm: 'ECDSA_SHA_512' },
  { spec: 'ECC_SECG_P256K1', algorithm: 'ECDSA_SHA_256' },
];
