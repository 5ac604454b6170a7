/**
 * The key specs beyond symmetric encryption and their operations, checked offline: every signature
 * the reference makes verifies with node:crypto (or @noble for Ed25519ph and ML-DSA) under the key
 * GetPublicKey returns, RSA ciphertext made offline decrypts, ECDH matches a local computation, and
 * ML-KEM round-trips (crypto ground truth §1–§2).
 * In this process RSA keys of one size share one modulus (the test wrapping-key cache), so "another
 * key" cases below use ECC keys.
 */
import {
  CreateKeyCommand,
  DecryptCommand,
  DeriveSharedSecretCommand,
  DecapsulateCommand,
  EncapsulateCommand,
  EncryptCommand,
  GenerateDataKeyCommand,
  GenerateDataKeyPairCommand,
  GenerateDataKeyPairWithoutPlaintextCommand,
  GenerateMacCommand,
  GenerateRandomCommand,
  GetPublicKeyCommand,
  ReEncryptCommand,
  SignCommand,
  VerifyCommand,
  VerifyMacCommand,
  type KeySpec,
  type KeyUsageType,
  type KMSClient,
  type SigningAlgorithmSpec,
} from '@aws-sdk/client-kms';
import { constants, createHash, createPrivateKey, createPublicKey, diffieHellman, generateKeyPairSync, publicEncrypt, verify as nodeVerify } from 'node:crypto';
import { ed25519ph } from '@noble/curves/ed25519.js';
import { ml_dsa44 } from '@noble/post-quantum/ml-dsa.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KEY_SPECS } from '../crypto/key-specs.ts';
import { messages } from '../errors.ts';
import { expectKmsError } from '../test-support/expect-kms-error.ts';
import { startSdkTarget, type SdkTarget } from '../test-support/sdk-target.ts';

let target: SdkTarget;
let kms: KMSClient;

beforeAll(async () => {
  target = await startSdkTarget();
  kms = target.client();
});
afterAll(() => target.close());

async function key(KeySpec: KeySpec, KeyUsage: KeyUsageType) {
  const { KeyMetadata } = await kms.send(new CreateKeyCommand({ KeySpec, KeyUsage }));
  return KeyMetadata!;
}
const spkiOf = async (KeyId: string) => createPublicKey({ key: Buffer.from((await kms.send(new GetPublicKeyCommand({ KeyId }))).PublicKey!), format: 'der', type: 'spki' });
const msg = Buffer.from('a message to sign');

const VALID_PAIRS = Object.entries(KEY_SPECS).flatMap(([spec, info]) =>
  info.regions === 'china-only' ? [] : Object.keys(info.usages).map((usage) => [spec, usage] as [KeySpec, KeyUsageType]),
);

describe('CreateKey and the metadata of every spec', () => {
  it.each(VALID_PAIRS)('%s with %s: Enabled, exactly the usage algorithm list, CurrentKeyMaterialId only if symmetric', async (spec, usage) => {
    const md = await key(spec, usage);
    expect(md).toMatchObject({ KeySpec: spec, KeyUsage: usage, KeyState: 'Enabled' });
    const lists = ['EncryptionAlgorithms', 'SigningAlgorithms', 'MacAlgorithms', 'KeyAgreementAlgorithms', 'EncapsulationAlgorithms'].filter((f) => f in md);
    expect(lists).toEqual(Object.keys(KEY_SPECS[spec].usages[usage]!));
    expect('CurrentKeyMaterialId' in md).toBe(spec === 'SYMMETRIC_DEFAULT');
  });

  it('a non-symmetric spec without KeyUsage: the recorded ValidationException', async () => {
    await expectKmsError(kms.send(new CreateKeyCommand({ KeySpec: 'HMAC_256' })), 'ValidationException', messages.keyUsageRequired);
  });

  it.each([
    ['RSA_2048', 'KEY_AGREEMENT'],
    ['ECC_SECG_P256K1', 'KEY_AGREEMENT'],
    ['HMAC_256', 'ENCRYPT_DECRYPT'],
    ['ML_KEM_768', 'SIGN_VERIFY'],
    ['SYMMETRIC_DEFAULT', 'GENERATE_VERIFY_MAC'],
  ] as const)('%s with %s: "KeyUsage … is not compatible with KeySpec …"', async (spec, usage) => {
    await expectKmsError(kms.send(new CreateKeyCommand({ KeySpec: spec, KeyUsage: usage })), 'ValidationException', messages.usageNotCompatible(usage, spec));
  });
});

describe('Sign and Verify', () => {
  const cases: [KeySpec, SigningAlgorithmSpec][] = [
    ['RSA_2048', 'RSASSA_PSS_SHA_256'], ['RSA_3072', 'RSASSA_PSS_SHA_384'], ['RSA_4096', 'RSASSA_PSS_SHA_512'],
    ['RSA_2048', 'RSASSA_PKCS1_V1_5_SHA_256'], ['RSA_3072', 'RSASSA_PKCS1_V1_5_SHA_384'], ['RSA_4096', 'RSASSA_PKCS1_V1_5_SHA_512'],
    ['ECC_NIST_P256', 'ECDSA_SHA_256'], ['ECC_NIST_P384', 'ECDSA_SHA_384'], ['ECC_NIST_P521', 'ECDSA_SHA_512'], ['ECC_SECG_P256K1', 'ECDSA_SHA_256'],
  ];
  it.each(cases)('%s %s: RAW and DIGEST signatures verify offline and on the target; a changed byte does not', async (spec, alg) => {
    const md = await key(spec, 'SIGN_VERIFY');
    const pub = await spkiOf(md.KeyId!);
    const hash = `sha${alg.slice(-3)}`;
    const pss = alg.includes('PSS');
    const options = { key: pub, ...(pss && { padding: constants.RSA_PKCS1_PSS_PADDING, saltLength: Number(alg.slice(-3)) / 8 }) };
    const digest = createHash(hash).update(msg).digest();
    for (const [MessageType, Message] of [['RAW', msg], ['DIGEST', digest]] as const) {
      const { Signature, KeyId, SigningAlgorithm } = await kms.send(new SignCommand({ KeyId: md.KeyId, Message, MessageType, SigningAlgorithm: alg }));
      expect({ KeyId, SigningAlgorithm }).toEqual({ KeyId: md.Arn, SigningAlgorithm: alg });
      expect(nodeVerify(hash, msg, options, Buffer.from(Signature!))).toBe(true);
      // A RAW signature verifies as the DIGEST of its hash and the other way round (CRY-086).
      for (const [t, m] of [['RAW', msg], ['DIGEST', digest]] as const) {
        await expect(kms.send(new VerifyCommand({ KeyId: md.KeyId, Message: m, MessageType: t, Signature, SigningAlgorithm: alg }))).resolves.toMatchObject({ SignatureValid: true });
      }
      const bad = Buffer.from(Signature!);
      bad[bad.length - 1]! ^= 1;
      await expectKmsError(kms.send(new VerifyCommand({ KeyId: md.KeyId, Message, MessageType, Signature: bad, SigningAlgorithm: alg })), 'KMSInvalidSignatureException');
    }
    await expectKmsError(kms.send(new SignCommand({ KeyId: md.KeyId, Message: msg, MessageType: 'DIGEST', SigningAlgorithm: alg })), 'ValidationException', messages.digestLength(alg));
  });

  it('Ed25519: pure RAW verifies with node:crypto, PH over a DIGEST with Ed25519ph; the other message types are refused', async () => {
    const md = await key('ECC_NIST_EDWARDS25519', 'SIGN_VERIFY');
    const pub = await spkiOf(md.KeyId!);
    expect(pub.export({ type: 'spki', format: 'der' })).toHaveLength(44);
    const raw = await kms.send(new SignCommand({ KeyId: md.KeyId, Message: msg, SigningAlgorithm: 'ED25519_SHA_512' }));
    expect(raw.Signature).toHaveLength(64);
    expect(nodeVerify(null, msg, pub, Buffer.from(raw.Signature!))).toBe(true);
    const digest = createHash('sha512').update(msg).digest();
    const ph = await kms.send(new SignCommand({ KeyId: md.KeyId, Message: digest, MessageType: 'DIGEST', SigningAlgorithm: 'ED25519_PH_SHA_512' }));
    const x = Buffer.from(pub.export({ format: 'jwk' }).x!, 'base64url');
    expect(ed25519ph.verify(ph.Signature!, digest, x)).toBe(true);
    const e = await expectKmsError(kms.send(new SignCommand({ KeyId: md.KeyId, Message: msg, MessageType: 'RAW', SigningAlgorithm: 'ED25519_PH_SHA_512' })), 'ValidationException');
    expect(e.message).toMatch(/^Message type RAW is incompatible/);
    await expectKmsError(kms.send(new SignCommand({ KeyId: md.KeyId, Message: digest, MessageType: 'DIGEST', SigningAlgorithm: 'ED25519_SHA_512' })), 'ValidationException');
  });

  it('ML-DSA-44: a 2420-byte signature that FIPS 204 verifies; DIGEST refused; EXTERNAL_MU of the same message verifies', async () => {
    const md = await key('ML_DSA_44', 'SIGN_VERIFY');
    const der = Buffer.from((await kms.send(new GetPublicKeyCommand({ KeyId: md.KeyId }))).PublicKey!);
    expect(der).toHaveLength(1334);
    const pk = der.subarray(der.length - 1312);
    const { Signature } = await kms.send(new SignCommand({ KeyId: md.KeyId, Message: msg, SigningAlgorithm: 'ML_DSA_SHAKE_256' }));
    expect(Signature).toHaveLength(2420);
    expect(ml_dsa44.verify(Signature!, msg, pk)).toBe(true);
    await expectKmsError(
      kms.send(new SignCommand({ KeyId: md.KeyId, Message: Buffer.alloc(32), MessageType: 'DIGEST', SigningAlgorithm: 'ML_DSA_SHAKE_256' })),
      'ValidationException',
      messages.messageTypeIncompatible('DIGEST', 'ML_DSA_44'),
    );
  });

  it('usage is checked before the algorithm; a wrong algorithm for the spec is InvalidKeyUsageException', async () => {
    const hmac = await key('HMAC_256', 'GENERATE_VERIFY_MAC');
    await expectKmsError(kms.send(new SignCommand({ KeyId: hmac.KeyId, Message: msg, SigningAlgorithm: 'RSASSA_PSS_SHA_256' })), 'InvalidKeyUsageException', messages.keyUsageNotValid(hmac.Arn!, 'GENERATE_VERIFY_MAC', 'Sign'));
    const p521 = await key('ECC_NIST_P521', 'SIGN_VERIFY');
    await expectKmsError(kms.send(new SignCommand({ KeyId: p521.KeyId, Message: msg, SigningAlgorithm: 'ECDSA_SHA_256' })), 'InvalidKeyUsageException', messages.algorithmIncompatible('ECDSA_SHA_256', 'ECC_NIST_P521'));
  });

  it('a dry run that would succeed: DryRunOperationException with the recorded message', async () => {
    const md = await key('ECC_NIST_P256', 'SIGN_VERIFY');
    await expectKmsError(kms.send(new SignCommand({ KeyId: md.KeyId, Message: msg, SigningAlgorithm: 'ECDSA_SHA_256', DryRun: true })), 'DryRunOperationException', messages.dryRun);
  });
});

describe('RSA encryption', () => {
  it('offline OAEP ciphertext decrypts; target ciphertext is modulus-sized; limits as recorded', async () => {
    const md = await key('RSA_2048', 'ENCRYPT_DECRYPT');
    const pub = await spkiOf(md.KeyId!);
    const offline = publicEncrypt({ key: pub, padding: constants.RSA_PKCS1_OAEP_PADDING, oaepHash: 'sha256' }, Buffer.from('offline'));
    const back = await kms.send(new DecryptCommand({ KeyId: md.KeyId, CiphertextBlob: offline, EncryptionAlgorithm: 'RSAES_OAEP_SHA_256' }));
    expect(Buffer.from(back.Plaintext!).toString()).toBe('offline');
    expect(back).not.toHaveProperty('KeyMaterialId');
    const out = await kms.send(new EncryptCommand({ KeyId: md.KeyId, Plaintext: Buffer.alloc(214, 1), EncryptionAlgorithm: 'RSAES_OAEP_SHA_1' }));
    expect(out.CiphertextBlob).toHaveLength(256);
    await expectKmsError(
      kms.send(new EncryptCommand({ KeyId: md.KeyId, Plaintext: Buffer.alloc(191), EncryptionAlgorithm: 'RSAES_OAEP_SHA_256' })),
      'ValidationException',
      messages.plaintextTooLarge('RSAES_OAEP_SHA_256', 'RSA_2048', 190),
    );
    await expectKmsError(kms.send(new EncryptCommand({ KeyId: md.KeyId, Plaintext: msg })), 'InvalidKeyUsageException', messages.algorithmIncompatible('SYMMETRIC_DEFAULT', 'RSA_2048'));
    await expectKmsError(kms.send(new DecryptCommand({ KeyId: md.KeyId, CiphertextBlob: out.CiphertextBlob, EncryptionAlgorithm: 'RSAES_OAEP_SHA_256' })), 'InvalidCiphertextException');
  });

  it('ReEncrypt from RSA to symmetric and back; the wrong source key is IncorrectKeyException', async () => {
    const rsa = await key('RSA_3072', 'ENCRYPT_DECRYPT');
    const sym = await key('SYMMETRIC_DEFAULT', 'ENCRYPT_DECRYPT');
    const c1 = await kms.send(new EncryptCommand({ KeyId: rsa.KeyId, Plaintext: msg, EncryptionAlgorithm: 'RSAES_OAEP_SHA_1' }));
    const c2 = await kms.send(new ReEncryptCommand({ CiphertextBlob: c1.CiphertextBlob, SourceKeyId: rsa.KeyId, SourceEncryptionAlgorithm: 'RSAES_OAEP_SHA_1', DestinationKeyId: sym.KeyId }));
    expect(c2).toMatchObject({ KeyId: sym.Arn, SourceKeyId: rsa.Arn, SourceEncryptionAlgorithm: 'RSAES_OAEP_SHA_1', DestinationEncryptionAlgorithm: 'SYMMETRIC_DEFAULT' });
    const back = await kms.send(new DecryptCommand({ CiphertextBlob: c2.CiphertextBlob }));
    expect(Buffer.from(back.Plaintext!)).toEqual(msg);
    const hmac = await key('HMAC_384', 'GENERATE_VERIFY_MAC');
    await expectKmsError(kms.send(new ReEncryptCommand({ CiphertextBlob: c2.CiphertextBlob, SourceKeyId: hmac.KeyId, DestinationKeyId: sym.KeyId })), 'IncorrectKeyException', messages.incorrectKey);
  });
});

describe('data keys, random, MAC, ECDH, ML-KEM', () => {
  it('GenerateDataKeyPair: the private key matches the public key, and its ciphertext decrypts to it', async () => {
    const sym = await key('SYMMETRIC_DEFAULT', 'ENCRYPT_DECRYPT');
    for (const KeyPairSpec of ['ECC_NIST_P384', 'ECC_NIST_EDWARDS25519', 'RSA_2048'] as const) {
      const out = await kms.send(new GenerateDataKeyPairCommand({ KeyId: sym.KeyId, KeyPairSpec, EncryptionContext: { a: 'b' } }));
      const priv = createPrivateKey({ key: Buffer.from(out.PrivateKeyPlaintext!), format: 'der', type: 'pkcs8' });
      expect(createPublicKey(priv).export({ type: 'spki', format: 'der' })).toEqual(Buffer.from(out.PublicKey!));
      const back = await kms.send(new DecryptCommand({ CiphertextBlob: out.PrivateKeyCiphertextBlob, EncryptionContext: { a: 'b' } }));
      expect(Buffer.from(back.Plaintext!)).toEqual(Buffer.from(out.PrivateKeyPlaintext!));
    }
    const ml = await kms.send(new GenerateDataKeyPairWithoutPlaintextCommand({ KeyId: sym.KeyId, KeyPairSpec: 'ML_KEM_1024' }));
    expect(ml).not.toHaveProperty('PrivateKeyPlaintext');
    const lengths = new Set<number>();
    for (const KeyPairSpec of ['ML_KEM_512', 'ML_KEM_768', 'ML_KEM_1024'] as const) {
      lengths.add((await kms.send(new GenerateDataKeyPairCommand({ KeyId: sym.KeyId, KeyPairSpec }))).PrivateKeyPlaintext!.length);
    }
    expect(lengths.size).toBe(1);
    const rsa = await key('RSA_2048', 'ENCRYPT_DECRYPT');
    await expectKmsError(kms.send(new GenerateDataKeyCommand({ KeyId: rsa.KeyId, KeySpec: 'AES_256' })), 'InvalidKeyUsageException');
  });

  it('GenerateRandom: exactly NumberOfBytes; none is the recorded ValidationException', async () => {
    expect((await kms.send(new GenerateRandomCommand({ NumberOfBytes: 1024 }))).Plaintext).toHaveLength(1024);
    await expectKmsError(kms.send(new GenerateRandomCommand({})), 'ValidationException', messages.numberOfBytesRequired);
  });

  it('GenerateMac and VerifyMac: a changed byte is KMSInvalidMacException; a wrong algorithm the recorded usage error', async () => {
    const md = await key('HMAC_224', 'GENERATE_VERIFY_MAC');
    const { Mac } = await kms.send(new GenerateMacCommand({ KeyId: md.KeyId, Message: msg, MacAlgorithm: 'HMAC_SHA_224' }));
    expect(Mac).toHaveLength(28);
    await expect(kms.send(new VerifyMacCommand({ KeyId: md.KeyId, Message: msg, Mac, MacAlgorithm: 'HMAC_SHA_224' }))).resolves.toMatchObject({ MacValid: true, KeyId: md.Arn });
    const bad = Buffer.from(Mac!);
    bad[0]! ^= 1;
    await expectKmsError(kms.send(new VerifyMacCommand({ KeyId: md.KeyId, Message: msg, Mac: bad, MacAlgorithm: 'HMAC_SHA_224' })), 'KMSInvalidMacException');
    await expectKmsError(kms.send(new GenerateMacCommand({ KeyId: md.KeyId, Message: msg, MacAlgorithm: 'HMAC_SHA_256' })), 'InvalidKeyUsageException', messages.algorithmIncompatible('HMAC_SHA_256', 'HMAC_224'));
  });

  it('DeriveSharedSecret: the raw ECDH value a local computation gets; garbage public key is an empty ValidationException', async () => {
    const md = await key('ECC_NIST_P256', 'KEY_AGREEMENT');
    const kmsPub = await spkiOf(md.KeyId!);
    const local = generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
    const out = await kms.send(new DeriveSharedSecretCommand({ KeyId: md.KeyId, KeyAgreementAlgorithm: 'ECDH', PublicKey: local.publicKey.export({ type: 'spki', format: 'der' }) }));
    expect(out).toMatchObject({ KeyAgreementAlgorithm: 'ECDH', KeyOrigin: 'AWS_KMS', KeyId: md.Arn });
    expect(Buffer.from(out.SharedSecret!)).toEqual(diffieHellman({ privateKey: local.privateKey, publicKey: kmsPub }));
    const e = await expectKmsError(kms.send(new DeriveSharedSecretCommand({ KeyId: md.KeyId, KeyAgreementAlgorithm: 'ECDH', PublicKey: Buffer.from('InvalidPublicKey') })), 'ValidationException');
    expect(e.message ?? '').toMatch(/^(ValidationException|UnknownError)?$/);
  });

  it('ML-KEM-768: Encapsulate then Decapsulate give one 32-byte secret; an altered ciphertext another; a short one InvalidCiphertextException', async () => {
    const md = await key('ML_KEM_768', 'ENCAPSULATE_DECAPSULATE');
    const enc = await kms.send(new EncapsulateCommand({ KeyId: md.KeyId, EncapsulationAlgorithm: 'ML_KEM' }));
    expect(enc.SharedSecret).toHaveLength(32);
    expect(enc.SharedSecretCiphertextBlob).toHaveLength(1088);
    const dec = await kms.send(new DecapsulateCommand({ KeyId: md.KeyId, EncapsulationAlgorithm: 'ML_KEM', SharedSecretCiphertextBlob: enc.SharedSecretCiphertextBlob }));
    expect(Buffer.from(dec.SharedSecret!)).toEqual(Buffer.from(enc.SharedSecret!));
    const altered = Buffer.from(enc.SharedSecretCiphertextBlob!);
    altered[5]! ^= 1;
    const other = await kms.send(new DecapsulateCommand({ KeyId: md.KeyId, EncapsulationAlgorithm: 'ML_KEM', SharedSecretCiphertextBlob: altered }));
    expect(other.SharedSecret).toHaveLength(32);
    expect(Buffer.from(other.SharedSecret!)).not.toEqual(Buffer.from(enc.SharedSecret!));
    await expectKmsError(kms.send(new DecapsulateCommand({ KeyId: md.KeyId, EncapsulationAlgorithm: 'ML_KEM', SharedSecretCiphertextBlob: altered.subarray(1) })), 'InvalidCiphertextException');
  });
});
