/**
 * DeriveSharedSecret: the raw ECDH secret of a KEY_AGREEMENT key and a peer's public key, checked
 * against ECDH computed locally, the recorded answer's members and the recorded refusals (crypto
 * ground truth §2.13; CRY-100…CRY-107).
 * @see https://docs.aws.amazon.com/kms/latest/APIReference/API_DeriveSharedSecret.html
 */
import { generateKeyPairSync } from 'node:crypto';
import { DeriveSharedSecretCommand, GetPublicKeyCommand, type KeyAgreementAlgorithmSpec, type KeySpec, type KMSClient } from '@aws-sdk/client-kms';
import { expect } from 'vitest';
import { rawAnswer } from '#harness/clients/raw-client.ts';
import { createKeyOf, createKmsKey, localEcdh } from '#harness/kms/index.ts';
import { apiRef, expectKmsError, expectRawError, recorded, requirement, type SpecContext } from '#harness/spec/index.ts';

const OP = 'DeriveSharedSecret';
const API = apiRef(OP);
const RECORDED = (entry: string, groundTruth: string) => recorded('TestKMS::test_derive_shared_secret', entry, 'recorded 2024-12-25', groundTruth);

const publicKeyOf = async (client: KMSClient, keyId: string) => (await client.send(new GetPublicKeyCommand({ KeyId: keyId }))).PublicKey!;

const derive = (client: KMSClient, keyId: string, publicKey: Uint8Array, algorithm: string = 'ECDH') =>
  client.send(new DeriveSharedSecretCommand({ KeyId: keyId, KeyAgreementAlgorithm: algorithm as KeyAgreementAlgorithmSpec, PublicKey: publicKey }));

/** A KMS KEY_AGREEMENT key of `spec`. */
const agreementKey = (kms: SpecContext, spec: KeySpec, label: string) => createKeyOf(kms.primary, spec, 'KEY_AGREEMENT', { description: label });

/** A local public key (DER SPKI) on a curve. */
const localPublicKey = (namedCurve: string) => generateKeyPairSync('ec', { namedCurve }).publicKey.export({ type: 'spki', format: 'der' });

/** DeriveSharedSecret with a PublicKey that is not DER at all, as recorded (b"InvalidPublicKey"). */
async function unparsablePublicKey(kms: SpecContext, label: string) {
  const key = await agreementKey(kms, 'ECC_NIST_P256', label);
  return kms.raw().send({ operation: OP, body: { KeyId: key.KeyId, KeyAgreementAlgorithm: 'ECDH', PublicKey: Buffer.from('InvalidPublicKey').toString('base64') } });
}

/** The two recorded wrong-usage cases: an ECC SIGN_VERIFY key and a symmetric encryption key. */
async function wrongUsageKeys(kms: SpecContext, label: string) {
  return [
    { usage: 'SIGN_VERIFY', md: await createKeyOf(kms.primary, 'ECC_NIST_P256', 'SIGN_VERIFY', { description: label }) },
    { usage: 'ENCRYPT_DECRYPT', md: await createKmsKey(kms.primary, label) },
  ] as const;
}

const ENUM_TEXT = "1 validation error detected: Value 'INVALID' at 'keyAgreementAlgorithm' failed to satisfy constraint: Member must satisfy enum value set: [ECDH]";

requirement(
  {
    id: 'ECDH-01',
    statement: 'A successful DeriveSharedSecret answers exactly KeyAgreementAlgorithm ECDH, KeyId, KeyOrigin AWS_KMS and SharedSecret, with no CiphertextBlob',
    operation: OP,
    source: RECORDED('response', 'CRY-100, CRY-107'),
    evidence: 'recorded',
    strength: 'must',
  },
  async (kms) => {
    const key = await agreementKey(kms, 'ECC_NIST_P256', 'ECDH-01');
    const res = await kms.raw().send({ operation: OP, body: { KeyId: key.KeyId, KeyAgreementAlgorithm: 'ECDH', PublicKey: localPublicKey('prime256v1').toString('base64') } });
    expect(res.status, JSON.stringify(rawAnswer(res))).toBe(200);
    const body = res.json ?? {};
    expect(Object.keys(body).sort()).toEqual(['KeyAgreementAlgorithm', 'KeyId', 'KeyOrigin', 'SharedSecret']);
    expect({ KeyAgreementAlgorithm: body.KeyAgreementAlgorithm, KeyOrigin: body.KeyOrigin }).toEqual({ KeyAgreementAlgorithm: 'ECDH', KeyOrigin: 'AWS_KMS' });
    expect(body.KeyId).toEqual(expect.any(String));
    expect(Buffer.from(String(body.SharedSecret), 'base64').length, 'SharedSecret bytes').toBeGreaterThan(0);
    // The docs call it only an identifier; the recording hides its form.
    kms.observe('KeyId is the key ARN', body.KeyId === key.Arn);
  },
);

requirement(
  {
    id: 'ECDH-02',
    statement: "On each NIST curve (P-256, P-384, P-521) the SharedSecret is the raw ECDH value a local key pair computes with the KMS key's public key, with no KDF applied",
    operation: OP,
    source: recorded('TestKMS::test_derive_shared_secret_matches_openssl', 'derived-shared-key-resp', 'recorded 2025-11-14', 'CRY-101'),
    evidence: 'recorded',
    strength: 'must',
  },
  async (kms) => {
    for (const spec of ['ECC_NIST_P256', 'ECC_NIST_P384', 'ECC_NIST_P521'] as const) {
      const key = await agreementKey(kms, spec, 'ECDH-02');
      const local = localEcdh(spec, await publicKeyOf(kms.primary, key.KeyId!));
      const out = await derive(kms.primary, key.KeyId!, local.publicKeyDer);
      expect(Buffer.from(out.SharedSecret!).toString('hex'), spec).toBe(local.secret.toString('hex'));
    }
  },
);

requirement(
  {
    id: 'ECDH-03',
    statement: "Two KMS KEY_AGREEMENT keys on the same curve derive the same shared secret, each from the other's public key",
    operation: OP,
    source: recorded('TestKMS::test_derive_shared_secret', undefined, 'validated 2024-12-25', 'CRY-101'),
    evidence: 'recorded',
    strength: 'must',
  },
  async (kms) => {
    const a = await agreementKey(kms, 'ECC_NIST_P256', 'ECDH-03 a');
    const b = await agreementKey(kms, 'ECC_NIST_P256', 'ECDH-03 b');
    const ab = await derive(kms.primary, a.KeyId!, await publicKeyOf(kms.primary, b.KeyId!));
    const ba = await derive(kms.primary, b.KeyId!, await publicKeyOf(kms.primary, a.KeyId!));
    expect(Buffer.from(ab.SharedSecret!).length).toBe(32);
    expect(Buffer.from(ab.SharedSecret!).toString('hex')).toBe(Buffer.from(ba.SharedSecret!).toString('hex'));
  },
);

requirement(
  {
    id: 'ECDH-04',
    statement: 'DeriveSharedSecret with an ECC SIGN_VERIFY key or a symmetric encryption key answers InvalidKeyUsageException (HTTP 400)',
    operation: OP,
    source: RECORDED('response-invalid-key-usage, response-invalid-key', 'CRY-102'),
    evidence: 'recorded',
    strength: 'must',
  },
  async (kms) => {
    const peer = localPublicKey('prime256v1');
    for (const { md } of await wrongUsageKeys(kms, 'ECDH-04')) await expectKmsError(derive(kms.primary, md.KeyId!, peer), 'InvalidKeyUsageException', 400);
  },
);

requirement(
  {
    id: 'ECDH-05',
    statement: 'The wrong-usage refusal reads "<key ARN> key usage is <usage> which is not valid for DeriveSharedSecret."',
    operation: OP,
    source: RECORDED('response-invalid-key-usage, response-invalid-key', 'CRY-102'),
    evidence: 'recorded',
    strength: 'should',
  },
  async (kms) => {
    const peer = localPublicKey('prime256v1');
    for (const { usage, md } of await wrongUsageKeys(kms, 'ECDH-05')) {
      const e = await expectKmsError(derive(kms.primary, md.KeyId!, peer), 'InvalidKeyUsageException');
      expect(e.message).toBe(`${md.Arn} key usage is ${usage} which is not valid for DeriveSharedSecret.`);
    }
  },
);

requirement(
  {
    id: 'ECDH-06',
    statement: 'A KeyAgreementAlgorithm outside the enum (INVALID) answers ValidationException (HTTP 400)',
    operation: OP,
    source: RECORDED('response-invalid-key-agreement-algo', 'CRY-103'),
    evidence: 'recorded',
    strength: 'must',
  },
  async (kms) => {
    const key = await agreementKey(kms, 'ECC_NIST_P256', 'ECDH-06');
    await expectKmsError(derive(kms.primary, key.KeyId!, localPublicKey('prime256v1'), 'INVALID'), 'ValidationException', 400);
  },
);

requirement(
  {
    id: 'ECDH-07',
    statement: `The refusal of KeyAgreementAlgorithm INVALID reads "${ENUM_TEXT}"`,
    operation: OP,
    source: RECORDED('response-invalid-key-agreement-algo', 'CRY-103'),
    evidence: 'recorded',
    strength: 'should',
  },
  async (kms) => {
    const key = await agreementKey(kms, 'ECC_NIST_P256', 'ECDH-07');
    const e = await expectKmsError(derive(kms.primary, key.KeyId!, localPublicKey('prime256v1'), 'INVALID'), 'ValidationException');
    expect(e.message).toBe(ENUM_TEXT);
  },
);

requirement(
  {
    id: 'ECDH-08',
    statement: 'A PublicKey that is not a DER SubjectPublicKeyInfo (the bytes "InvalidPublicKey") answers ValidationException (HTTP 400)',
    operation: OP,
    source: RECORDED('response-invalid-public-key', 'CRY-104'),
    evidence: 'recorded',
    strength: 'must',
  },
  async (kms) => {
    expectRawError(await unparsablePublicKey(kms, 'ECDH-08'), 'ValidationException', 400);
  },
);

requirement(
  {
    id: 'ECDH-09',
    statement: 'The refusal of an unparsable PublicKey carries an empty message',
    operation: OP,
    source: RECORDED('response-invalid-public-key', 'CRY-104'),
    evidence: 'recorded',
    strength: 'should',
  },
  async (kms) => {
    const e = expectRawError(await unparsablePublicKey(kms, 'ECDH-09'), 'ValidationException');
    expect(e.message ?? '', 'message').toBe('');
  },
);

requirement(
  {
    id: 'ECDH-10',
    statement: "AWS's answer to a well-formed peer key of another curve (P-384) or type (RSA) for a P-256 key is not known; the target's answers are recorded",
    operation: OP,
    source: { url: API, section: 'Request Parameters: PublicKey (both key pairs must be on the same elliptic curve)', groundTruth: 'CRY-105' },
    evidence: 'inferred',
    strength: 'observe',
  },
  async (kms) => {
    const key = await agreementKey(kms, 'ECC_NIST_P256', 'ECDH-10');
    const peers = {
      'P-384 SPKI': localPublicKey('secp384r1'),
      'RSA_2048 SPKI': generateKeyPairSync('rsa', { modulusLength: 2048 }).publicKey.export({ type: 'spki', format: 'der' }),
    };
    for (const [label, der] of Object.entries(peers)) {
      const res = await kms.raw().send({ operation: OP, body: { KeyId: key.KeyId, KeyAgreementAlgorithm: 'ECDH', PublicKey: der.toString('base64') } });
      kms.observe(label, rawAnswer(res));
    }
  },
);
