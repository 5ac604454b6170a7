/**
 * The cryptographic operations, property-based: random messages, algorithms and key specs for
 * sign/verify, encrypt/decrypt and MAC round trips (each checked offline where the key allows),
 * and random key × operation pairs, which must get the documented answer: a key of the operation's
 * usage works, any other is refused with InvalidKeyUsageException (crypto ground truth §2, §5).
 * Keys are created once per requirement; fast-check draws the rest. A failure prints the shrunk
 * counterexample and the command that replays it.
 */
import {
  DecryptCommand,
  DeriveSharedSecretCommand,
  EncapsulateCommand,
  EncryptCommand,
  GenerateDataKeyCommand,
  GenerateMacCommand,
  GetPublicKeyCommand,
  SignCommand,
  VerifyCommand,
  VerifyMacCommand,
  type KeyMetadata,
  type KeySpec,
  type KeyUsageType,
  type KMSClient,
  type SigningAlgorithmSpec,
} from '@aws-sdk/client-kms';
import { generateKeyPairSync } from 'node:crypto';
import fc from 'fast-check';
import { expect } from 'vitest';
import { createKeyOf, digestFor, oaepEncrypt, oaepLimit, verifyOffline } from '#harness/kms/index.ts';
import { apiRef, expectKmsError, recorded, requirement, type SpecContext } from '#harness/spec/index.ts';
import { assertProperty, propertyParams, PROPERTY_TEST_TIMEOUT_MS } from '#harness/spec/property.ts';

const TIMEOUT = { timeout: PROPERTY_TEST_TIMEOUT_MS };

/** Creates the keys a property draws from, once. */
async function keysOf<T extends { spec: KeySpec; usage: KeyUsageType }>(kms: SpecContext, cases: readonly T[], label: string) {
  const out: (T & { key: KeyMetadata; publicKey?: Uint8Array })[] = [];
  const made = new Map<string, { key: KeyMetadata; publicKey?: Uint8Array }>();
  for (const c of cases) {
    const k = `${c.spec}/${c.usage}`;
    let entry = made.get(k);
    if (!entry) {
      const key = await createKeyOf(kms.primary, c.spec, c.usage, { description: label });
      const asymmetric = !c.spec.startsWith('HMAC') && c.spec !== 'SYMMETRIC_DEFAULT';
      entry = { key, ...(asymmetric && { publicKey: (await kms.primary.send(new GetPublicKeyCommand({ KeyId: key.KeyId }))).PublicKey! }) };
      made.set(k, entry);
    }
    out.push({ ...c, ...entry });
  }
  return out;
}

const SIGNING: { spec: KeySpec; usage: KeyUsageType; algorithm: SigningAlgorithmSpec; types: ('RAW' | 'DIGEST')[] }[] = [
  { spec: 'RSA_2048', usage: 'SIGN_VERIFY', algorithm: 'RSASSA_PSS_SHA_256', types: ['RAW', 'DIGEST'] },
  { spec: 'RSA_2048', usage: 'SIGN_VERIFY', algorithm: 'RSASSA_PKCS1_V1_5_SHA_512', types: ['RAW', 'DIGEST'] },
  { spec: 'RSA_2048', usage: 'SIGN_VERIFY', algorithm: 'RSASSA_PSS_SHA_384', types: ['RAW', 'DIGEST'] },
  { spec: 'ECC_NIST_P256', usage: 'SIGN_VERIFY', algorithm: 'ECDSA_SHA_256', types: ['RAW', 'DIGEST'] },
  { spec: 'ECC_NIST_P384', usage: 'SIGN_VERIFY', algorithm: 'ECDSA_SHA_384', types: ['RAW', 'DIGEST'] },
  { spec: 'ECC_NIST_P521', usage: 'SIGN_VERIFY', algorithm: 'ECDSA_SHA_512', types: ['RAW', 'DIGEST'] },
  { spec: 'ECC_SECG_P256K1', usage: 'SIGN_VERIFY', algorithm: 'ECDSA_SHA_256', types: ['RAW', 'DIGEST'] },
  { spec: 'ECC_NIST_EDWARDS25519', usage: 'SIGN_VERIFY', algorithm: 'ED25519_SHA_512', types: ['RAW'] },
  { spec: 'ECC_NIST_EDWARDS25519', usage: 'SIGN_VERIFY', algorithm: 'ED25519_PH_SHA_512', types: ['DIGEST'] },
  { spec: 'ML_DSA_44', usage: 'SIGN_VERIFY', algorithm: 'ML_DSA_SHAKE_256', types: ['RAW'] },
];

requirement(
  {
    id: 'PROP-08',
    statement: 'For random messages, signing algorithms and message types, a Sign signature verifies offline and on the target, and a changed message is KMSInvalidSignatureException',
    operation: 'Sign',
    source: recorded('TestKMS::test_sign_verify[*], test_verify_salt_length[*]', 'signature, verification, bad-signature', 'recorded 2023-04-13, validated 2025-04-02', 'CRY-065, CRY-070…072, CRY-083'),
    evidence: 'recorded',
    strength: 'must',
  },
  async (kms) => {
    const keys = await keysOf(kms, SIGNING, 'PROP-08');
    const arb = fc
      .record({ i: fc.nat({ max: keys.length - 1 }), message: fc.uint8Array({ minLength: 1, maxLength: 4096 }), pick: fc.nat(), flip: fc.nat() })
      .map(({ i, message, pick, flip }) => ({ ...keys[i]!, message, type: keys[i]!.types[pick % keys[i]!.types.length]!, flip: flip % message.length }));
    await assertProperty(kms, arb, async (c) => {
      const sent = c.type === 'DIGEST' ? digestFor(c.algorithm, c.message) : Buffer.from(c.message);
      const { Signature } = await kms.primary.send(new SignCommand({ KeyId: c.key.KeyId, Message: sent, MessageType: c.type, SigningAlgorithm: c.algorithm }));
      expect(verifyOffline(c.publicKey!, { spec: c.spec, algorithm: c.algorithm, messageType: c.type, message: c.message, signature: Signature! }), 'offline verification').toBe(true);
      const v = await kms.primary.send(new VerifyCommand({ KeyId: c.key.KeyId, Message: sent, MessageType: c.type, Signature, SigningAlgorithm: c.algorithm }));
      expect(v.SignatureValid).toBe(true);
      const changed = Buffer.from(sent);
      changed[c.flip % changed.length]! ^= 0x01;
      await expectKmsError(kms.primary.send(new VerifyCommand({ KeyId: c.key.KeyId, Message: changed, MessageType: c.type, Signature, SigningAlgorithm: c.algorithm })), 'KMSInvalidSignatureException', 400);
    }, propertyParams(kms), { setup: `one key per spec: ${[...new Set(SIGNING.map((s) => s.spec))].join(', ')}` });
  },
  TIMEOUT,
);

const ENCRYPTION = [
  { spec: 'SYMMETRIC_DEFAULT', usage: 'ENCRYPT_DECRYPT', algorithm: 'SYMMETRIC_DEFAULT' },
  { spec: 'RSA_2048', usage: 'ENCRYPT_DECRYPT', algorithm: 'RSAES_OAEP_SHA_1' },
  { spec: 'RSA_2048', usage: 'ENCRYPT_DECRYPT', algorithm: 'RSAES_OAEP_SHA_256' },
  { spec: 'RSA_3072', usage: 'ENCRYPT_DECRYPT', algorithm: 'RSAES_OAEP_SHA_256' },
] as const;

requirement(
  {
    id: 'PROP-09',
    statement: 'For random plaintexts within each algorithm limit (and random encryption contexts for symmetric keys), Decrypt returns what Encrypt or an offline RSA-OAEP encryption sealed',
    operation: 'Encrypt',
    source: { url: apiRef('Encrypt'), section: 'Request Parameters: Plaintext, EncryptionAlgorithm, EncryptionContext', groundTruth: 'CRY-028, CRY-033, CRY-035' },
    evidence: 'documented',
    strength: 'must',
  },
  async (kms) => {
    const keys = await keysOf(kms, ENCRYPTION, 'PROP-09');
    const context = fc.dictionary(fc.string({ minLength: 1, maxLength: 20 }), fc.string({ maxLength: 40 }), { maxKeys: 4 });
    const arb = fc.record({ i: fc.nat({ max: keys.length - 1 }), seed: fc.uint8Array({ minLength: 4096, maxLength: 4096 }), size: fc.nat(), context, offline: fc.boolean() }).map(({ i, seed, size, context, offline }) => {
      const k = keys[i]!;
      const limit = k.algorithm === 'SYMMETRIC_DEFAULT' ? 4096 : oaepLimit(k.spec, k.algorithm);
      return { ...k, plaintext: Buffer.from(seed.subarray(0, 1 + (size % limit))), context: k.algorithm === 'SYMMETRIC_DEFAULT' ? context : undefined, offline: offline && k.algorithm !== 'SYMMETRIC_DEFAULT' };
    });
    await assertProperty(kms, arb, async (c) => {
      const ctx = c.context && Object.keys(c.context).length ? { EncryptionContext: c.context } : {};
      const blob = c.offline
        ? oaepEncrypt(c.publicKey!, c.algorithm as 'RSAES_OAEP_SHA_1', c.plaintext)
        : (await kms.primary.send(new EncryptCommand({ KeyId: c.key.KeyId, Plaintext: c.plaintext, EncryptionAlgorithm: c.algorithm, ...ctx }))).CiphertextBlob!;
      const asymmetric = c.algorithm !== 'SYMMETRIC_DEFAULT';
      const back = await kms.primary.send(new DecryptCommand({ CiphertextBlob: blob, ...ctx, ...(asymmetric && { KeyId: c.key.KeyId, EncryptionAlgorithm: c.algorithm }) }));
      expect(Buffer.from(back.Plaintext!).equals(c.plaintext), 'the plaintext comes back').toBe(true);
    }, propertyParams(kms), { setup: 'one SYMMETRIC_DEFAULT, one RSA_2048 and one RSA_3072 encryption key' });
  },
  TIMEOUT,
);

requirement(
  {
    id: 'PROP-10',
    statement: "For random messages, VerifyMac accepts the target's own MAC under each HMAC key spec and refuses it with KMSInvalidMacException after any one-byte change",
    operation: 'VerifyMac',
    source: recorded('TestKMS::test_generate_and_verify_mac[*], test_invalid_verify_mac[*]', 'verify-mac', 'recorded 2023-04-13 and 2023-11-07, validated 2024-04-11', 'CRY-088, CRY-093'),
    evidence: 'recorded',
    strength: 'must',
  },
  async (kms) => {
    const specs = [['HMAC_224', 'HMAC_SHA_224'], ['HMAC_256', 'HMAC_SHA_256'], ['HMAC_384', 'HMAC_SHA_384'], ['HMAC_512', 'HMAC_SHA_512']] as const;
    const keys = await keysOf(kms, specs.map(([spec, algorithm]) => ({ spec, usage: 'GENERATE_VERIFY_MAC' as const, algorithm })), 'PROP-10');
    const arb = fc.record({ i: fc.nat({ max: keys.length - 1 }), message: fc.uint8Array({ minLength: 1, maxLength: 4096 }), at: fc.nat(), bit: fc.integer({ min: 0, max: 7 }) });
    await assertProperty(kms, arb, async ({ i, message, at, bit }) => {
      const k = keys[i]!;
      const { Mac } = await kms.primary.send(new GenerateMacCommand({ KeyId: k.key.KeyId, Message: message, MacAlgorithm: k.algorithm }));
      const ok = await kms.primary.send(new VerifyMacCommand({ KeyId: k.key.KeyId, Message: message, Mac, MacAlgorithm: k.algorithm }));
      expect(ok.MacValid).toBe(true);
      const changed = Buffer.from(Mac!);
      changed[at % changed.length]! ^= 1 << bit;
      await expectKmsError(kms.primary.send(new VerifyMacCommand({ KeyId: k.key.KeyId, Message: message, Mac: changed, MacAlgorithm: k.algorithm })), 'KMSInvalidMacException', 400);
    }, propertyParams(kms), { setup: 'one key of each HMAC key spec' });
  },
  TIMEOUT,
);

/** One key per usage family; each operation below needs exactly one usage (and some a kind of key). */
const POOL = [
  { spec: 'SYMMETRIC_DEFAULT', usage: 'ENCRYPT_DECRYPT' },
  { spec: 'HMAC_256', usage: 'GENERATE_VERIFY_MAC' },
  { spec: 'RSA_2048', usage: 'ENCRYPT_DECRYPT' },
  { spec: 'RSA_2048', usage: 'SIGN_VERIFY' },
  { spec: 'ECC_NIST_P256', usage: 'SIGN_VERIFY' },
  { spec: 'ECC_NIST_P256', usage: 'KEY_AGREEMENT' },
  { spec: 'ECC_NIST_EDWARDS25519', usage: 'SIGN_VERIFY' },
  { spec: 'ML_DSA_44', usage: 'SIGN_VERIFY' },
  { spec: 'ML_KEM_512', usage: 'ENCAPSULATE_DECAPSULATE' },
] as const;

const FIRST_SIGNING: Partial<Record<KeySpec, SigningAlgorithmSpec>> = {
  RSA_2048: 'RSASSA_PSS_SHA_256', ECC_NIST_P256: 'ECDSA_SHA_256', ECC_NIST_EDWARDS25519: 'ED25519_SHA_512', ML_DSA_44: 'ML_DSA_SHAKE_256',
};
const PEER_P256 = generateKeyPairSync('ec', { namedCurve: 'prime256v1' }).publicKey.export({ type: 'spki', format: 'der' });

interface OperationProbe {
  op: string;
  /** Whether a key of this spec and usage may do the operation. */
  valid: (spec: KeySpec, usage: KeyUsageType) => boolean;
  call: (c: KMSClient, key: KeyMetadata) => Promise<unknown>;
}

const PROBES: OperationProbe[] = [
  { op: 'Encrypt', valid: (s, u) => u === 'ENCRYPT_DECRYPT', call: (c, k) => c.send(new EncryptCommand({ KeyId: k.KeyId, Plaintext: Buffer.from('probe'), ...(k.KeySpec !== 'SYMMETRIC_DEFAULT' && { EncryptionAlgorithm: 'RSAES_OAEP_SHA_256' }) })) },
  { op: 'Sign', valid: (_s, u) => u === 'SIGN_VERIFY', call: (c, k) => c.send(new SignCommand({ KeyId: k.KeyId, Message: Buffer.from('probe'), SigningAlgorithm: FIRST_SIGNING[k.KeySpec!] ?? 'ECDSA_SHA_256' })) },
  { op: 'GenerateMac', valid: (_s, u) => u === 'GENERATE_VERIFY_MAC', call: (c, k) => c.send(new GenerateMacCommand({ KeyId: k.KeyId, Message: Buffer.from('probe'), MacAlgorithm: 'HMAC_SHA_256' })) },
  { op: 'DeriveSharedSecret', valid: (_s, u) => u === 'KEY_AGREEMENT', call: (c, k) => c.send(new DeriveSharedSecretCommand({ KeyId: k.KeyId, KeyAgreementAlgorithm: 'ECDH', PublicKey: PEER_P256 })) },
  { op: 'Encapsulate', valid: (_s, u) => u === 'ENCAPSULATE_DECAPSULATE', call: (c, k) => c.send(new EncapsulateCommand({ KeyId: k.KeyId, EncapsulationAlgorithm: 'ML_KEM' })) },
  { op: 'GenerateDataKey', valid: (s) => s === 'SYMMETRIC_DEFAULT', call: (c, k) => c.send(new GenerateDataKeyCommand({ KeyId: k.KeyId, KeySpec: 'AES_256' })) },
];

requirement(
  {
    id: 'PROP-11',
    statement: 'For random key and operation pairs, a key of the usage the operation needs succeeds and any other key is refused with InvalidKeyUsageException (HTTP 400)',
    operation: 'Sign',
    source: { url: 'https://docs.aws.amazon.com/kms/latest/APIReference/API_Sign.html', section: 'Errors: InvalidKeyUsageException (also Encrypt, GenerateMac, DeriveSharedSecret, Encapsulate, GenerateDataKey)', groundTruth: 'CRY-030, CRY-054, CRY-066, CRY-094, CRY-102, CRY-114' },
    evidence: 'documented',
    strength: 'must',
  },
  async (kms) => {
    const keys = await keysOf(kms, POOL, 'PROP-11');
    const arb = fc.record({ k: fc.nat({ max: keys.length - 1 }), p: fc.nat({ max: PROBES.length - 1 }) });
    await assertProperty(kms, arb, async ({ k, p }) => {
      const key = keys[k]!;
      const probe = PROBES[p]!;
      const label = `${probe.op} with a ${key.spec} ${key.usage} key`;
      if (probe.valid(key.spec, key.usage)) {
        await expect(probe.call(kms.primary, key.key), label).resolves.toBeDefined();
      } else {
        await expectKmsError(probe.call(kms.primary, key.key), 'InvalidKeyUsageException', 400);
      }
    }, propertyParams(kms), { setup: `one key each: ${POOL.map((p) => `${p.spec}/${p.usage}`).join(', ')}` });
  },
  TIMEOUT,
);
