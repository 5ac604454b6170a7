/**
 * Data keys, data key pairs and random bytes: GenerateDataKey, GenerateDataKeyWithoutPlaintext,
 * GenerateDataKeyPair, GenerateDataKeyPairWithoutPlaintext and GenerateRandom — the recorded
 * response shapes and messages, encryption-context binding, and, checked independently of the
 * target, that each data key pair's private key (DER PKCS #8) belongs to its public key (DER SPKI)
 * for every KeyPairSpec outside the China Regions (crypto ground truth §2.4–2.8, CRY-049…CRY-064).
 * @see https://docs.aws.amazon.com/kms/latest/APIReference/API_GenerateDataKeyPair.html
 */
import { createPrivateKey, createPublicKey, type JsonWebKey } from 'node:crypto';
import {
  DecryptCommand,
  GenerateDataKeyCommand,
  GenerateDataKeyPairCommand,
  GenerateDataKeyPairWithoutPlaintextCommand,
  GenerateDataKeyWithoutPlaintextCommand,
  GenerateRandomCommand,
  type DataKeyPairSpec,
  type DataKeySpec,
  type KMSClient,
} from '@aws-sdk/client-kms';
import { expect } from 'vitest';
import { createKeyOf, createKmsKey, CURVE_OF, describeKey, ML_KEM, nodePublicKey, PQ_OID, spkiKeyBits } from '#harness/kms/index.ts';
import { apiRef, expectClientError, expectKmsError, expectRawError, labelled, members, recorded, requirement, type SpecContext } from '#harness/spec/index.ts';

const GDK = apiRef('GenerateDataKey');
const GDKP = apiRef('GenerateDataKeyPair');
const GDKPWP = apiRef('GenerateDataKeyPairWithoutPlaintext');
const DRY_RUN = 'The request would have succeeded, but the DryRun option is set.';
const CONTEXT = { purpose: 'kms-conformance', tenant: 'DK' };



const dataKey = (client: KMSClient, keyId: string, o: { KeySpec?: DataKeySpec; NumberOfBytes?: number; EncryptionContext?: Record<string, string> }) =>
  client.send(new GenerateDataKeyCommand({ KeyId: keyId, ...o }));

const pair = (client: KMSClient, keyId: string, spec: DataKeyPairSpec, context?: Record<string, string>) =>
  client.send(new GenerateDataKeyPairCommand({ KeyId: keyId, KeyPairSpec: spec, ...(context && { EncryptionContext: context }) }));

const decrypt = async (client: KMSClient, blob: Uint8Array | undefined, context?: Record<string, string>) =>
  Buffer.from((await client.send(new DecryptCommand({ CiphertextBlob: blob, ...(context && { EncryptionContext: context }) }))).Plaintext!);

/** The public key node:crypto derives from a DER PKCS #8 private key, and the one a DER SPKI holds, as JWKs. */
function pairedJwks(privateKeyDer: Uint8Array, publicKeyDer: Uint8Array): { fromPrivate: JsonWebKey; published: JsonWebKey | undefined } {
  const privateKey = createPrivateKey({ key: Buffer.from(privateKeyDer), format: 'der', type: 'pkcs8' });
  return { fromPrivate: createPublicKey(privateKey).export({ format: 'jwk' }), published: nodePublicKey(publicKeyDer)?.export({ format: 'jwk' }) };
}

/** Checks a node:crypto key pair spec: the private key parses, is of the expected kind, and belongs to the public key. */
function expectMatchingPair(spec: string, privateKeyDer: Uint8Array, publicKeyDer: Uint8Array, kind: { type: string; modulusLength?: number; namedCurve?: string }) {
  const privateKey = createPrivateKey({ key: Buffer.from(privateKeyDer), format: 'der', type: 'pkcs8' });
  const details = privateKey.asymmetricKeyDetails ?? {};
  expect({ spec, type: privateKey.asymmetricKeyType, ...(kind.modulusLength && { modulusLength: details.modulusLength }), ...(kind.namedCurve && { namedCurve: details.namedCurve }) }).toEqual({ spec, ...kind });
  const { fromPrivate, published } = pairedJwks(privateKeyDer, publicKeyDer);
  expect(published, `${spec}: PublicKey is a DER SubjectPublicKeyInfo`).toBeDefined();
  expect({ spec, publicKey: published }).toEqual({ spec, publicKey: fromPrivate });
}

/** A small DER reader: the elements of a constructed value (short and long lengths). */
function derChildren(b: Buffer): { tag: number; body: Buffer }[] {
  const out: { tag: number; body: Buffer }[] = [];
  for (let o = 0; o < b.length; ) {
    const tag = b[o]!;
    let len = b[o + 1]!;
    let start = o + 2;
    if (len & 0x80) {
      const n = len & 0x7f;
      len = 0;
      for (let i = 0; i < n; i++) len = len * 256 + b[start + i]!;
      start += n;
    }
    out.push({ tag, body: b.subarray(start, start + len) });
    o = start + len;
  }
  return out;
}

/**
 * The 64-byte seed of a seed-format ML-KEM PKCS #8: the `seed [0]` choice of the IETF LAMPS ML-KEM
 * private key, the seed inside its `both` choice, or a bare 64-byte OCTET STRING; else undefined.
 */
function mlKemSeed(pkcs8: Uint8Array): Buffer | undefined {
  const [outer] = derChildren(Buffer.from(pkcs8));
  const privateKey = outer?.tag === 0x30 ? derChildren(outer.body).find((c) => c.tag === 0x04) : undefined;
  if (!privateKey) return undefined;
  if (privateKey.body.length === 64) return privateKey.body;
  const [choice] = derChildren(privateKey.body);
  if ((choice?.tag === 0x80 || choice?.tag === 0x04) && choice.body.length === 64) return choice.body;
  if (choice?.tag === 0x30) {
    const seed = derChildren(choice.body).find((c) => c.tag === 0x04 && c.body.length === 64);
    return seed?.body;
  }
  return undefined;
}

const ML_KEM_PUBLIC_BYTES = { ML_KEM_512: 800, ML_KEM_768: 1184, ML_KEM_1024: 1568 } as const;
const ML_KEM_SPECS = Object.keys(ML_KEM_PUBLIC_BYTES) as (keyof typeof ML_KEM_PUBLIC_BYTES)[];

/** A raw Decrypt, so that an empty or missing error message can be seen as sent. */
const rawDecrypt = (kms: SpecContext, blob: Uint8Array) => kms.raw().send({ operation: 'Decrypt', body: { CiphertextBlob: Buffer.from(blob).toString('base64') } });

// ---------------------------------------------------------------------------------------------
// GenerateDataKey / GenerateDataKeyWithoutPlaintext

requirement(
  {
    id: 'DK-01',
    statement: 'GenerateDataKey with KeySpec AES_256 answers CiphertextBlob, KeyId (the key ARN) and a 32-byte Plaintext that Decrypt of the CiphertextBlob returns',
    operation: 'GenerateDataKey',
    source: recorded('TestKMSGenerateKeys::test_generate_data_key', 'generate-data-key-result', 'recorded 2023-05-11, validated 2024-04-11', 'CRY-049'),
    evidence: 'recorded',
    strength: 'must',
  },
  async (kms) => {
    const key = await createKmsKey(kms.primary, 'DK-01');
    const out = await dataKey(kms.primary, key.KeyId!, { KeySpec: 'AES_256' });
    // Recorded in 2023, before the model added KeyMaterialId (observed by DK-06).
    expect(members(out).filter((m) => m !== 'KeyMaterialId')).toEqual(['CiphertextBlob', 'KeyId', 'Plaintext']);
    expect(out.KeyId).toBe(key.Arn);
    expect(out.Plaintext?.length).toBe(32);
    expect((await decrypt(kms.primary, out.CiphertextBlob)).equals(Buffer.from(out.Plaintext!)), 'Decrypt returns the data key').toBe(true);
  },
);

requirement(
  {
    id: 'DK-02',
    statement: 'GenerateDataKey answers a 16-byte Plaintext for AES_128 and exactly NumberOfBytes bytes for 1, 64 and 1024',
    operation: 'GenerateDataKey',
    source: { url: GDK, section: 'Request Parameters: KeySpec, NumberOfBytes', groundTruth: 'CRY-050' },
    evidence: 'documented',
    strength: 'must',
  },
  async (kms) => {
    const key = await createKmsKey(kms.primary, 'DK-02');
    expect((await dataKey(kms.primary, key.KeyId!, { KeySpec: 'AES_128' })).Plaintext?.length, 'AES_128').toBe(16);
    for (const n of [1, 64, 1024]) expect((await dataKey(kms.primary, key.KeyId!, { NumberOfBytes: n })).Plaintext?.length, `NumberOfBytes ${n}`).toBe(n);
  },
);

requirement(
  {
    id: 'DK-03',
    statement: 'GenerateDataKey with both KeySpec and NumberOfBytes, or with neither, is refused with HTTP 400 (codes and texts observed)',
    operation: 'GenerateDataKey',
    source: { url: GDK, section: 'Description ("either the KeySpec or the NumberOfBytes parameter (but not both)")', groundTruth: 'CRY-051' },
    evidence: 'documented',
    strength: 'must',
  },
  async (kms) => {
    const key = await createKmsKey(kms.primary, 'DK-03');
    for (const [label, o] of [['both', { KeySpec: 'AES_256', NumberOfBytes: 32 }], ['neither', {}]] as const) {
      const e = await labelled(label, expectClientError(dataKey(kms.primary, key.KeyId!, o), { status: 400 }));
      kms.observe(label, { code: e.code, message: e.message });
    }
  },
);

requirement(
  {
    id: 'DK-04',
    statement: "GenerateDataKey with KeySpec 'AES-256' answers ValidationException, one enum error at 'keySpec'",
    operation: 'GenerateDataKey',
    source: { url: 'https://github.com/boto/boto3/issues/3428', section: 'ValidationException from AWS for KeySpec AES-256 (2022)', groundTruth: 'CRY-052' },
    evidence: 'recorded',
    strength: 'should',
  },
  async (kms) => {
    const key = await createKmsKey(kms.primary, 'DK-04');
    const e = await expectKmsError(dataKey(kms.primary, key.KeyId!, { KeySpec: 'AES-256' as DataKeySpec }), 'ValidationException', 400);
    // In 2022 AWS listed CreateKey's KeySpec values here; only the start of the text is compared.
    expect(e.message?.startsWith("1 validation error detected: Value 'AES-256' at 'keySpec' failed to satisfy constraint: Member must satisfy enum value set: ["), e.message).toBe(true);
    kms.observe('message', e.message);
  },
);

requirement(
  {
    id: 'DK-05',
    statement: 'GenerateDataKeyWithoutPlaintext answers CiphertextBlob and KeyId (the key ARN), no Plaintext, and the CiphertextBlob decrypts to a 32-byte key for AES_256',
    operation: 'GenerateDataKeyWithoutPlaintext',
    source: recorded('TestKMSGenerateKeys::test_generate_data_key_without_plaintext', 'generate-data-key-without-plaintext', 'recorded 2023-05-11, validated 2024-04-11', 'CRY-055'),
    evidence: 'recorded',
    strength: 'must',
  },
  async (kms) => {
    const key = await createKmsKey(kms.primary, 'DK-05');
    const out = await kms.primary.send(new GenerateDataKeyWithoutPlaintextCommand({ KeyId: key.KeyId, KeySpec: 'AES_256' }));
    expect(members(out).filter((m) => m !== 'KeyMaterialId')).toEqual(['CiphertextBlob', 'KeyId']);
    expect(out.KeyId).toBe(key.Arn);
    expect((await decrypt(kms.primary, out.CiphertextBlob)).length).toBe(32);
  },
);

requirement(
  {
    id: 'DK-06',
    statement: "Whether GenerateDataKey, GenerateDataKeyWithoutPlaintext and GenerateDataKeyPair answer KeyMaterialId, and whether it is the key's current material",
    operation: 'GenerateDataKey',
    source: { url: GDK, section: 'Response Elements: KeyMaterialId', groundTruth: 'CRY-060' },
    evidence: 'documented',
    strength: 'observe',
  },
  async (kms) => {
    const key = await createKmsKey(kms.primary, 'DK-06');
    const current = (await describeKey(kms.primary, key.KeyId!)).CurrentKeyMaterialId;
    const answers = {
      GenerateDataKey: await dataKey(kms.primary, key.KeyId!, { KeySpec: 'AES_256' }),
      GenerateDataKeyWithoutPlaintext: await kms.primary.send(new GenerateDataKeyWithoutPlaintextCommand({ KeyId: key.KeyId, KeySpec: 'AES_256' })),
      GenerateDataKeyPair: await pair(kms.primary, key.KeyId!, 'ECC_NIST_P256'),
    };
    for (const [op, out] of Object.entries(answers)) kms.observe(op, { KeyMaterialId: out.KeyMaterialId ?? '(absent)', current: out.KeyMaterialId === undefined ? null : out.KeyMaterialId === current });
  },
);

requirement(
  {
    id: 'DK-07',
    statement: 'A data key from GenerateDataKey or GenerateDataKeyWithoutPlaintext with an EncryptionContext decrypts only with it: without it Decrypt answers InvalidCiphertextException, HTTP 400',
    operation: 'GenerateDataKey',
    source: {
      ...recorded('TestKMSGenerateKeys::test_encryption_context_generate_data_key', 'decrypt-without-encryption-context', 'recorded 2023-06-16, validated 2024-04-11', 'CRY-053'),
      section: 'test_kms.py::TestKMSGenerateKeys::test_encryption_context_generate_data_key and …_without_plaintext › "decrypt-without-encryption-context" (recorded 2023-06-16, validated 2024-04-11)',
    },
    evidence: 'recorded',
    strength: 'must',
  },
  async (kms) => {
    const key = await createKmsKey(kms.primary, 'DK-07');
    const withPlaintext = await dataKey(kms.primary, key.KeyId!, { KeySpec: 'AES_256', EncryptionContext: CONTEXT });
    const withoutPlaintext = await kms.primary.send(new GenerateDataKeyWithoutPlaintextCommand({ KeyId: key.KeyId, KeySpec: 'AES_256', EncryptionContext: CONTEXT }));
    for (const [op, blob] of [['GenerateDataKey', withPlaintext.CiphertextBlob], ['GenerateDataKeyWithoutPlaintext', withoutPlaintext.CiphertextBlob]] as const) {
      await labelled(op, expectKmsError(kms.primary.send(new DecryptCommand({ CiphertextBlob: blob })), 'InvalidCiphertextException', 400));
      expect((await decrypt(kms.primary, blob, CONTEXT)).length, `${op}: decrypts with its context`).toBe(32);
    }
    expect((await decrypt(kms.primary, withPlaintext.CiphertextBlob, CONTEXT)).equals(Buffer.from(withPlaintext.Plaintext!))).toBe(true);
  },
);

requirement(
  {
    id: 'DK-08',
    statement: 'A private key from GenerateDataKeyPair or …WithoutPlaintext with an EncryptionContext decrypts only with it: without it Decrypt answers InvalidCiphertextException, HTTP 400',
    operation: 'GenerateDataKeyPair',
    source: {
      ...recorded('TestKMSGenerateKeys::test_encryption_context_generate_data_key_pair', 'decrypt-without-encryption-context', 'recorded 2023-06-16, validated 2024-04-11', 'CRY-053'),
      section: 'test_kms.py::TestKMSGenerateKeys::test_encryption_context_generate_data_key_pair and …_without_plaintext › "decrypt-without-encryption-context" (recorded 2023-06-16, validated 2024-04-11)',
    },
    evidence: 'recorded',
    strength: 'must',
  },
  async (kms) => {
    const key = await createKmsKey(kms.primary, 'DK-08');
    const withPlaintext = await pair(kms.primary, key.KeyId!, 'ECC_NIST_P256', CONTEXT);
    const withoutPlaintext = await kms.primary.send(new GenerateDataKeyPairWithoutPlaintextCommand({ KeyId: key.KeyId, KeyPairSpec: 'ECC_NIST_P256', EncryptionContext: CONTEXT }));
    for (const [op, blob] of [['GenerateDataKeyPair', withPlaintext.PrivateKeyCiphertextBlob], ['GenerateDataKeyPairWithoutPlaintext', withoutPlaintext.PrivateKeyCiphertextBlob]] as const) {
      await labelled(op, expectKmsError(kms.primary.send(new DecryptCommand({ CiphertextBlob: blob })), 'InvalidCiphertextException', 400));
      expect((await decrypt(kms.primary, blob, CONTEXT)).length, `${op}: decrypts with its context`).toBeGreaterThan(0);
    }
    expect((await decrypt(kms.primary, withPlaintext.PrivateKeyCiphertextBlob, CONTEXT)).equals(Buffer.from(withPlaintext.PrivateKeyPlaintext!))).toBe(true);
  },
);

requirement(
  {
    id: 'DK-09',
    statement: 'Those InvalidCiphertextException answers, for all four data key operations, carry an empty message (or none)',
    operation: 'Decrypt',
    source: recorded('TestKMSGenerateKeys::test_encryption_context_generate_data_key*', 'decrypt-without-encryption-context', 'recorded 2023-06-16, validated 2024-04-11', 'CRY-053, CRY-123, REQ-P5'),
    evidence: 'recorded',
    strength: 'should',
  },
  async (kms) => {
    const key = await createKmsKey(kms.primary, 'DK-09');
    const blobs = {
      GenerateDataKey: (await dataKey(kms.primary, key.KeyId!, { KeySpec: 'AES_256', EncryptionContext: CONTEXT })).CiphertextBlob!,
      GenerateDataKeyWithoutPlaintext: (await kms.primary.send(new GenerateDataKeyWithoutPlaintextCommand({ KeyId: key.KeyId, KeySpec: 'AES_256', EncryptionContext: CONTEXT }))).CiphertextBlob!,
      GenerateDataKeyPair: (await pair(kms.primary, key.KeyId!, 'ECC_NIST_P256', CONTEXT)).PrivateKeyCiphertextBlob!,
      GenerateDataKeyPairWithoutPlaintext: (await kms.primary.send(new GenerateDataKeyPairWithoutPlaintextCommand({ KeyId: key.KeyId, KeyPairSpec: 'ECC_NIST_P256', EncryptionContext: CONTEXT })))
        .PrivateKeyCiphertextBlob!,
    };
    for (const [op, blob] of Object.entries(blobs)) {
      const e = expectRawError(await rawDecrypt(kms, blob), 'InvalidCiphertextException');
      expect({ op, message: e.message ?? '' }).toEqual({ op, message: '' });
    }
  },
);

requirement(
  {
    id: 'DK-10',
    statement: "GenerateDataKey and GenerateDataKeyPair under an RSA encryption key or an HMAC key answer InvalidKeyUsageException with HTTP 400 (the target's texts are observed)",
    operation: 'GenerateDataKey',
    source: { url: GDK, section: 'Request Parameters: KeyId (a symmetric encryption KMS key); Errors: InvalidKeyUsageException', groundTruth: 'CRY-054' },
    evidence: 'documented',
    strength: 'must',
  },
  async (kms) => {
    const rsa = await createKeyOf(kms.primary, 'RSA_2048', 'ENCRYPT_DECRYPT', { description: 'DK-10 rsa' });
    const hmac = await createKeyOf(kms.primary, 'HMAC_256', 'GENERATE_VERIFY_MAC', { description: 'DK-10 hmac' });
    for (const key of [rsa, hmac]) {
      const calls = { GenerateDataKey: () => dataKey(kms.primary, key.KeyId!, { KeySpec: 'AES_256' }), GenerateDataKeyPair: () => pair(kms.primary, key.KeyId!, 'ECC_NIST_P256') };
      for (const [op, call] of Object.entries(calls)) {
        const e = await labelled(`${op} with ${key.KeySpec}`, expectKmsError(call(), 'InvalidKeyUsageException', 400));
        kms.observe(`${op} with ${key.KeySpec}`, e.message);
      }
    }
  },
);

// ---------------------------------------------------------------------------------------------
// GenerateDataKeyPair / GenerateDataKeyPairWithoutPlaintext

requirement(
  {
    id: 'DK-11',
    statement: 'GenerateDataKeyPair RSA_2048 answers KeyId (the key ARN), KeyPairSpec RSA_2048, PrivateKeyCiphertextBlob, PrivateKeyPlaintext and PublicKey',
    operation: 'GenerateDataKeyPair',
    source: recorded('TestKMSGenerateKeys::test_generate_data_key_pair', 'generate-data-key-pair', 'recorded 2023-05-11, validated 2024-04-11', 'CRY-056'),
    evidence: 'recorded',
    strength: 'must',
  },
  async (kms) => {
    const key = await createKmsKey(kms.primary, 'DK-11');
    const out = await pair(kms.primary, key.KeyId!, 'RSA_2048');
    expect(members(out).filter((m) => m !== 'KeyMaterialId')).toEqual(['KeyId', 'KeyPairSpec', 'PrivateKeyCiphertextBlob', 'PrivateKeyPlaintext', 'PublicKey']);
    expect({ KeyId: out.KeyId, KeyPairSpec: out.KeyPairSpec }).toEqual({ KeyId: key.Arn, KeyPairSpec: 'RSA_2048' });
    for (const m of ['PrivateKeyCiphertextBlob', 'PrivateKeyPlaintext', 'PublicKey'] as const) expect(out[m]?.length, m).toBeGreaterThan(0);
  },
);

requirement(
  {
    id: 'DK-12',
    statement: 'GenerateDataKeyPairWithoutPlaintext RSA_2048 answers KeyId (the key ARN), KeyPairSpec, PrivateKeyCiphertextBlob and PublicKey, and no PrivateKeyPlaintext',
    operation: 'GenerateDataKeyPairWithoutPlaintext',
    source: recorded('TestKMSGenerateKeys::test_generate_data_key_pair_without_plaintext', 'generate-data-key-pair-without-plaintext', 'recorded 2023-05-11, validated 2024-04-11', 'CRY-056'),
    evidence: 'recorded',
    strength: 'must',
  },
  async (kms) => {
    const key = await createKmsKey(kms.primary, 'DK-12');
    const out = await kms.primary.send(new GenerateDataKeyPairWithoutPlaintextCommand({ KeyId: key.KeyId, KeyPairSpec: 'RSA_2048' }));
    expect(members(out).filter((m) => m !== 'KeyMaterialId')).toEqual(['KeyId', 'KeyPairSpec', 'PrivateKeyCiphertextBlob', 'PublicKey']);
    expect({ KeyId: out.KeyId, KeyPairSpec: out.KeyPairSpec }).toEqual({ KeyId: key.Arn, KeyPairSpec: 'RSA_2048' });
  },
);

requirement(
  {
    id: 'DK-13',
    statement: 'Decrypt of the PrivateKeyCiphertextBlob of GenerateDataKeyPair returns its PrivateKeyPlaintext',
    operation: 'GenerateDataKeyPair',
    source: recorded('TestKMSGenerateKeys::test_generate_data_key_pair', undefined, 'validated 2024-04-11', 'CRY-057'),
    evidence: 'recorded',
    strength: 'must',
  },
  async (kms) => {
    const key = await createKmsKey(kms.primary, 'DK-13');
    const out = await pair(kms.primary, key.KeyId!, 'RSA_2048');
    expect((await decrypt(kms.primary, out.PrivateKeyCiphertextBlob)).equals(Buffer.from(out.PrivateKeyPlaintext!))).toBe(true);
  },
);

requirement(
  {
    id: 'DK-14',
    statement: 'GenerateDataKeyPair RSA_2048, RSA_3072 and RSA_4096 answer a PKCS #8 RSA private key of that size whose public key is the SPKI PublicKey',
    operation: 'GenerateDataKeyPair',
    source: { url: GDKP, section: 'Response Elements: PrivateKeyPlaintext (PKCS #8), PublicKey (X.509 SubjectPublicKeyInfo)', groundTruth: 'CRY-058' },
    evidence: 'documented',
    strength: 'must',
  },
  async (kms) => {
    const key = await createKmsKey(kms.primary, 'DK-14');
    for (const spec of ['RSA_2048', 'RSA_3072', 'RSA_4096'] as const) {
      const out = await pair(kms.primary, key.KeyId!, spec);
      expect(out.KeyPairSpec).toBe(spec);
      expectMatchingPair(spec, out.PrivateKeyPlaintext!, out.PublicKey!, { type: 'rsa', modulusLength: Number(spec.slice(4)) });
    }
  },
);

requirement(
  {
    id: 'DK-15',
    statement: 'GenerateDataKeyPair for ECC_NIST_P256/P384/P521 and ECC_SECG_P256K1 answers a PKCS #8 EC private key on that curve whose public key is the SPKI PublicKey',
    operation: 'GenerateDataKeyPair',
    source: { url: GDKP, section: 'Response Elements: PrivateKeyPlaintext (PKCS #8), PublicKey (X.509 SubjectPublicKeyInfo)', groundTruth: 'CRY-058' },
    evidence: 'documented',
    strength: 'must',
  },
  async (kms) => {
    const key = await createKmsKey(kms.primary, 'DK-15');
    for (const spec of ['ECC_NIST_P256', 'ECC_NIST_P384', 'ECC_NIST_P521', 'ECC_SECG_P256K1'] as const) {
      const out = await pair(kms.primary, key.KeyId!, spec);
      expect(out.KeyPairSpec).toBe(spec);
      expectMatchingPair(spec, out.PrivateKeyPlaintext!, out.PublicKey!, { type: 'ec', namedCurve: CURVE_OF[spec]! });
    }
  },
);

requirement(
  {
    id: 'DK-16',
    statement: 'GenerateDataKeyPair ECC_NIST_EDWARDS25519 answers a PKCS #8 Ed25519 private key whose public key is the SPKI PublicKey',
    operation: 'GenerateDataKeyPair',
    source: { url: GDKP, section: 'Request Parameters: KeyPairSpec (ECC_NIST_EDWARDS25519); Response Elements: PrivateKeyPlaintext, PublicKey', groundTruth: 'CRY-058' },
    evidence: 'documented',
    strength: 'must',
  },
  async (kms) => {
    const key = await createKmsKey(kms.primary, 'DK-16');
    const out = await pair(kms.primary, key.KeyId!, 'ECC_NIST_EDWARDS25519');
    expect(out.KeyPairSpec).toBe('ECC_NIST_EDWARDS25519');
    expectMatchingPair('ECC_NIST_EDWARDS25519', out.PrivateKeyPlaintext!, out.PublicKey!, { type: 'ed25519' });
  },
);

requirement(
  {
    id: 'DK-17',
    statement: 'GenerateDataKeyPair ML_KEM_512, ML_KEM_768 and ML_KEM_1024 answer a PublicKey and private keys of one and the same length for all three specs',
    operation: 'GenerateDataKeyPair',
    source: { url: GDKP, section: 'Response Elements: PrivateKeyPlaintext (ML-KEM private keys in seed format, the same length for every ML-KEM spec)', groundTruth: 'CRY-058, CRY-059' },
    evidence: 'documented',
    strength: 'must',
  },
  async (kms) => {
    const key = await createKmsKey(kms.primary, 'DK-17');
    const privateLengths: Record<string, number | undefined> = {};
    for (const spec of ML_KEM_SPECS) {
      const out = await pair(kms.primary, key.KeyId!, spec);
      expect({ spec, KeyPairSpec: out.KeyPairSpec, hasPublicKey: (out.PublicKey?.length ?? 0) > 0 }).toEqual({ spec, KeyPairSpec: spec, hasPublicKey: true });
      privateLengths[spec] = out.PrivateKeyPlaintext?.length;
      // How AWS encodes an ML-KEM SPKI is not recorded (as for GetPublicKey): observed, not asserted.
      const bits = spkiKeyBits(out.PublicKey!);
      kms.observe(`${spec} PublicKey`, { bytes: out.PublicKey!.length, oid: bits?.oid ?? '(not an SPKI without parameters)', nistOid: bits?.oid === PQ_OID[spec], keyBytes: bits?.key.length ?? null, fips203Bytes: ML_KEM_PUBLIC_BYTES[spec] });
    }
    kms.observe('private key lengths', privateLengths);
    expect(new Set(Object.values(privateLengths)).size, `one private key length: ${JSON.stringify(privateLengths)}`).toBe(1);
  },
);

requirement(
  {
    id: 'DK-18',
    statement: 'Each ML-KEM private key holds a 64-byte seed from which FIPS 203 key generation gives the public key carried in the PublicKey answered with it',
    operation: 'GenerateDataKeyPair',
    source: { url: GDKP, section: 'Response Elements: PrivateKeyPlaintext (ML-KEM private key in seed format)', groundTruth: 'CRY-059' },
    evidence: 'documented',
    strength: 'should',
  },
  async (kms) => {
    const key = await createKmsKey(kms.primary, 'DK-18');
    for (const spec of ML_KEM_SPECS) {
      const out = await pair(kms.primary, key.KeyId!, spec);
      const seed = mlKemSeed(out.PrivateKeyPlaintext!);
      expect(seed, `${spec}: a seed-format PKCS #8 (${Buffer.from(out.PrivateKeyPlaintext!).toString('hex')})`).toBeDefined();
      const derived = Buffer.from(ML_KEM[spec].keygen(seed!).publicKey);
      // Whatever wraps it, the SPKI must carry the FIPS 203 encapsulation key the seed generates.
      expect({ spec, carried: Buffer.from(out.PublicKey!).includes(derived) }).toEqual({ spec, carried: true });
    }
  },
);

requirement(
  {
    id: 'DK-19',
    statement: 'The private key Decrypt returns for a GenerateDataKeyPairWithoutPlaintext PrivateKeyCiphertextBlob belongs to the PublicKey answered with it',
    operation: 'GenerateDataKeyPairWithoutPlaintext',
    source: { url: GDKPWP, section: 'Description (decrypt the private key with Decrypt when needed); Response Elements', groundTruth: 'CRY-057, CRY-058' },
    evidence: 'documented',
    strength: 'must',
  },
  async (kms) => {
    const key = await createKmsKey(kms.primary, 'DK-19');
    for (const [spec, kind] of [['ECC_NIST_P384', { type: 'ec', namedCurve: 'secp384r1' }], ['RSA_2048', { type: 'rsa', modulusLength: 2048 }]] as const) {
      const out = await kms.primary.send(new GenerateDataKeyPairWithoutPlaintextCommand({ KeyId: key.KeyId, KeyPairSpec: spec }));
      expectMatchingPair(spec, await decrypt(kms.primary, out.PrivateKeyCiphertextBlob), out.PublicKey!, kind);
    }
  },
);

requirement(
  {
    id: 'DK-20',
    statement: "GenerateDataKeyPair with KeyPairSpec ML_DSA_44, not a DataKeyPairSpec value, answers ValidationException with HTTP 400 (the target's text is observed)",
    operation: 'GenerateDataKeyPair',
    source: { url: GDKP, section: 'Request Parameters: KeyPairSpec (valid values)', groundTruth: 'CRY-059' },
    evidence: 'documented',
    strength: 'must',
  },
  async (kms) => {
    const key = await createKmsKey(kms.primary, 'DK-20');
    const e = await expectKmsError(pair(kms.primary, key.KeyId!, 'ML_DSA_44' as DataKeyPairSpec), 'ValidationException', 400);
    kms.observe('message', e.message);
  },
);

requirement(
  {
    id: 'DK-21',
    statement: 'GenerateDataKeyPair and GenerateDataKeyPairWithoutPlaintext with DryRun true answer DryRunOperationException with HTTP 400',
    operation: 'GenerateDataKeyPair',
    source: {
      ...recorded('TestKMSGenerateKeys::test_generate_data_key_pair_dry_run', 'dryrun_exception', 'recorded 2025-04-06', 'CRY-117'),
      section: 'test_kms.py::TestKMSGenerateKeys::test_generate_data_key_pair_dry_run (recorded 2025-04-06) and …_without_plaintext_dry_run (recorded 2025-04-07, validated 2025-04-13) › "dryrun_exception"',
    },
    evidence: 'recorded',
    strength: 'must',
  },
  async (kms) => {
    const key = await createKmsKey(kms.primary, 'DK-21');
    await expectKmsError(kms.primary.send(new GenerateDataKeyPairCommand({ KeyId: key.KeyId, KeyPairSpec: 'RSA_2048', DryRun: true })), 'DryRunOperationException', 400);
    await expectKmsError(kms.primary.send(new GenerateDataKeyPairWithoutPlaintextCommand({ KeyId: key.KeyId, KeyPairSpec: 'RSA_2048', DryRun: true })), 'DryRunOperationException', 400);
  },
);

requirement(
  {
    id: 'DK-22',
    statement: `Those dry runs read "${DRY_RUN}"`,
    operation: 'GenerateDataKeyPair',
    source: recorded('TestKMSGenerateKeys::test_generate_data_key_pair_dry_run', 'dryrun_exception', 'recorded 2025-04-06', 'CRY-117'),
    evidence: 'recorded',
    strength: 'should',
  },
  async (kms) => {
    const key = await createKmsKey(kms.primary, 'DK-22');
    const pairRun = await expectKmsError(kms.primary.send(new GenerateDataKeyPairCommand({ KeyId: key.KeyId, KeyPairSpec: 'ECC_NIST_P256', DryRun: true })), 'DryRunOperationException');
    const withoutRun = await expectKmsError(kms.primary.send(new GenerateDataKeyPairWithoutPlaintextCommand({ KeyId: key.KeyId, KeyPairSpec: 'ECC_NIST_P256', DryRun: true })), 'DryRunOperationException');
    expect({ GenerateDataKeyPair: pairRun.message, GenerateDataKeyPairWithoutPlaintext: withoutRun.message }).toEqual({ GenerateDataKeyPair: DRY_RUN, GenerateDataKeyPairWithoutPlaintext: DRY_RUN });
  },
);

// ---------------------------------------------------------------------------------------------
// GenerateRandom

const random = (client: KMSClient, n?: number) => client.send(new GenerateRandomCommand(n === undefined ? {} : { NumberOfBytes: n }));

requirement(
  {
    id: 'DK-23',
    statement: 'GenerateRandom answers exactly NumberOfBytes bytes for 1, 12, 44, 91 and 1024',
    operation: 'GenerateRandom',
    source: recorded('TestKMS::test_generate_random[*]', 'result_length', 'recorded 2023-04-13, validated 2024-04-11', 'CRY-061'),
    evidence: 'recorded',
    strength: 'must',
  },
  async (kms) => {
    for (const n of [1, 12, 44, 91, 1024]) expect({ n, length: (await random(kms.primary, n)).Plaintext?.length }).toEqual({ n, length: n });
  },
);

requirement(
  {
    id: 'DK-24',
    statement: 'GenerateRandom without NumberOfBytes, with 0 or with 1025 answers ValidationException with HTTP 400',
    operation: 'GenerateRandom',
    source: recorded('TestKMS::test_generate_random_invalid_number_of_bytes[*]', 'generate-random-exc', 'recorded 2023-04-13, validated 2024-04-11', 'CRY-062, CRY-063'),
    evidence: 'recorded',
    strength: 'must',
  },
  async (kms) => {
    for (const n of [undefined, 0, 1025]) {
      await labelled(`NumberOfBytes ${n}`, expectKmsError(random(kms.primary, n), 'ValidationException', 400));
    }
  },
);

requirement(
  {
    id: 'DK-25',
    statement: "GenerateRandom without NumberOfBytes reads \"NumberOfBytes is required.\"",
    operation: 'GenerateRandom',
    source: recorded('TestKMS::test_generate_random_invalid_number_of_bytes[None]', 'generate-random-exc', 'recorded 2023-04-13, validated 2024-04-11', 'CRY-062'),
    evidence: 'recorded',
    strength: 'should',
  },
  async (kms) => {
    expect((await expectKmsError(random(kms.primary), 'ValidationException')).message).toBe('NumberOfBytes is required.');
  },
);

requirement(
  {
    id: 'DK-26',
    statement: "GenerateRandom with 0 or 1025 reads as one validation error at 'numberOfBytes' for a value of at least 1 or at most 1024",
    operation: 'GenerateRandom',
    source: recorded('TestKMS::test_generate_random_invalid_number_of_bytes[0], [1025]', 'generate-random-exc', 'recorded 2023-04-13, validated 2024-04-11', 'CRY-063'),
    evidence: 'recorded',
    strength: 'should',
  },
  async (kms) => {
    const expected = {
      0: "1 validation error detected: Value '0' at 'numberOfBytes' failed to satisfy constraint: Member must have value greater than or equal to 1",
      1025: "1 validation error detected: Value '1025' at 'numberOfBytes' failed to satisfy constraint: Member must have value less than or equal to 1024",
    };
    for (const [n, message] of Object.entries(expected)) {
      const e = await expectKmsError(random(kms.primary, Number(n)), 'ValidationException');
      expect({ n, message: e.message }).toEqual({ n, message });
    }
  },
);
