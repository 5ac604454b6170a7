/**
 * @module reference/crypto/key-specs
 * Every key spec of AWS's model as data: the key usages it may be created with and, per usage, the
 * algorithms KeyMetadata and GetPublicKey list (ground truth: crypto-and-key-specs §1.2). The table
 * is keyed by the model's KeySpec enum, so a spec the model gains fails to compile until it is
 * described here.
 */
import type {
  EncapsulationAlgorithmSpec,
  EncryptionAlgorithmSpec,
  KeyAgreementAlgorithmSpec,
  KeySpec,
  KeyUsageType,
  MacAlgorithmSpec,
  SigningAlgorithmSpec,
} from '../api/kms-api.generated.ts';

/** The algorithm lists of one usage, as KeyMetadata carries them (one family per usage, CRY-022). */
export interface AlgorithmLists {
  EncryptionAlgorithms?: EncryptionAlgorithmSpec[];
  SigningAlgorithms?: SigningAlgorithmSpec[];
  MacAlgorithms?: MacAlgorithmSpec[];
  KeyAgreementAlgorithms?: KeyAgreementAlgorithmSpec[];
  EncapsulationAlgorithms?: EncapsulationAlgorithmSpec[];
}

export type KeyFamily = 'symmetric' | 'hmac' | 'rsa' | 'ecc' | 'ed25519' | 'ml-dsa' | 'ml-kem' | 'sm2';

export interface KeySpecInfo {
  readonly family: KeyFamily;
  /** The usages CreateKey accepts with this spec, each with the algorithm lists it implies. */
  readonly usages: Partial<Readonly<Record<KeyUsageType, AlgorithmLists>>>;
  /** Only in the China Regions (SM2), or never there (ML-KEM). */
  readonly regions?: 'china-only' | 'not-china';
}

const RSA_ENCRYPTION: EncryptionAlgorithmSpec[] = ['RSAES_OAEP_SHA_1', 'RSAES_OAEP_SHA_256'];
// The order AWS lists them in its DescribeKey example (examples-1.json).
const RSA_SIGNING: SigningAlgorithmSpec[] = [
  'RSASSA_PKCS1_V1_5_SHA_256', 'RSASSA_PKCS1_V1_5_SHA_384', 'RSASSA_PKCS1_V1_5_SHA_512',
  'RSASSA_PSS_SHA_256', 'RSASSA_PSS_SHA_384', 'RSASSA_PSS_SHA_512',
];
const ECDH: AlgorithmLists = { KeyAgreementAlgorithms: ['ECDH'] };

const rsa: KeySpecInfo = { family: 'rsa', usages: { ENCRYPT_DECRYPT: { EncryptionAlgorithms: RSA_ENCRYPTION }, SIGN_VERIFY: { SigningAlgorithms: RSA_SIGNING } } };
const ecc = (alg: SigningAlgorithmSpec): KeySpecInfo => ({ family: 'ecc', usages: { SIGN_VERIFY: { SigningAlgorithms: [alg] }, KEY_AGREEMENT: ECDH } });
const hmac = (alg: MacAlgorithmSpec): KeySpecInfo => ({ family: 'hmac', usages: { GENERATE_VERIFY_MAC: { MacAlgorithms: [alg] } } });
const mlDsa: KeySpecInfo = { family: 'ml-dsa', usages: { SIGN_VERIFY: { SigningAlgorithms: ['ML_DSA_SHAKE_256'] } } };
const mlKem: KeySpecInfo = { family: 'ml-kem', usages: { ENCAPSULATE_DECAPSULATE: { EncapsulationAlgorithms: ['ML_KEM'] } }, regions: 'not-china' };

export const KEY_SPECS: Readonly<Record<KeySpec, KeySpecInfo>> = {
  SYMMETRIC_DEFAULT: { family: 'symmetric', usages: { ENCRYPT_DECRYPT: { EncryptionAlgorithms: ['SYMMETRIC_DEFAULT'] } } },
  HMAC_224: hmac('HMAC_SHA_224'),
  HMAC_256: hmac('HMAC_SHA_256'),
  HMAC_384: hmac('HMAC_SHA_384'),
  HMAC_512: hmac('HMAC_SHA_512'),
  RSA_2048: rsa,
  RSA_3072: rsa,
  RSA_4096: rsa,
  ECC_NIST_P256: ecc('ECDSA_SHA_256'),
  ECC_NIST_P384: ecc('ECDSA_SHA_384'),
  ECC_NIST_P521: ecc('ECDSA_SHA_512'),
  ECC_SECG_P256K1: { family: 'ecc', usages: { SIGN_VERIFY: { SigningAlgorithms: ['ECDSA_SHA_256'] } } },
  ECC_NIST_EDWARDS25519: { family: 'ed25519', usages: { SIGN_VERIFY: { SigningAlgorithms: ['ED25519_SHA_512', 'ED25519_PH_SHA_512'] } } },
  ML_DSA_44: mlDsa,
  ML_DSA_65: mlDsa,
  ML_DSA_87: mlDsa,
  ML_KEM_512: mlKem,
  ML_KEM_768: mlKem,
  ML_KEM_1024: mlKem,
  SM2: {
    family: 'sm2',
    usages: { ENCRYPT_DECRYPT: { EncryptionAlgorithms: ['SM2PKE'] }, SIGN_VERIFY: { SigningAlgorithms: ['SM2DSA'] }, KEY_AGREEMENT: ECDH },
    regions: 'china-only',
  },
};

/** Every spec × usage pair CreateKey accepts somewhere (SM2 ones only in China). */
export const VALID_KEY_PAIRS: readonly (readonly [KeySpec, KeyUsageType])[] = Object.entries(KEY_SPECS).flatMap(([spec, info]) =>
  Object.keys(info.usages).map((usage) => [spec as KeySpec, usage as KeyUsageType] as const),
);

/** The algorithm lists of a key of this spec and usage (copies: callers may hand them out). */
export function algorithmLists(spec: KeySpec, usage: KeyUsageType): AlgorithmLists {
  const lists = KEY_SPECS[spec].usages[usage] ?? {};
  return Object.fromEntries(Object.entries(lists).map(([k, v]) => [k, [...(v as string[])]])) as AlgorithmLists;
}

/** RSA modulus size in bits. */
export const RSA_BITS: Partial<Record<KeySpec, number>> = { RSA_2048: 2048, RSA_3072: 3072, RSA_4096: 4096 };

/** Length of each hash an algorithm name ends in, in bytes. */
export const HASH_BYTES = { SHA_1: 20, SHA_224: 28, SHA_256: 32, SHA_384: 48, SHA_512: 64 } as const;

/** The node:crypto name of the hash an algorithm name ends in (RSAES_OAEP_SHA_1, ECDSA_SHA_384, HMAC_SHA_224, …). */
export function hashOf(algorithm: string): 'sha1' | 'sha224' | 'sha256' | 'sha384' | 'sha512' {
  const m = /SHA_(1|224|256|384|512)$/.exec(algorithm);
  if (!m) throw new Error(`hashOf: ${algorithm} names no SHA hash`);
  return `sha${m[1]}` as 'sha1';
}

/**
 * The largest plaintext RSAES-OAEP encrypts with this key size: k − 2·hLen − 2 bytes (RFC 8017
 * §7.1.1), which gives AWS's recorded 214/190, 342/318 and 470/446 (CRY-028).
 */
export function oaepLimit(spec: KeySpec, algorithm: EncryptionAlgorithmSpec): number {
  const k = (RSA_BITS[spec] ?? 0) / 8;
  const h = algorithm === 'RSAES_OAEP_SHA_1' ? HASH_BYTES.SHA_1 : HASH_BYTES.SHA_256;
  return k - 2 * h - 2;
}

/** True for a Region of the China partition. */
export function isChinaRegion(region: string): boolean {
  return region.startsWith('cn-');
}
