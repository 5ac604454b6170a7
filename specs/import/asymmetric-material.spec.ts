/**
 * Imported key material for RSA, ECC and HMAC keys: the formats and wrapping AWS was recorded
 * accepting, what DescribeKey shows before the import, after it and after
 * DeleteImportedKeyMaterial, reimport, and what the imported key then does — checked against the
 * material the suite generated (crypto ground truth §3, requirements CRY-125…CRY-135).
 * @see https://docs.aws.amazon.com/kms/latest/developerguide/importing-keys-conceptual.html
 */
import {
  CreateKeyCommand,
  DecryptCommand,
  DeleteImportedKeyMaterialCommand,
  DeriveSharedSecretCommand,
  EncryptCommand,
  GenerateMacCommand,
  GetPublicKeyCommand,
  SignCommand,
  VerifyCommand,
  VerifyMacCommand,
  type KeyMetadata,
  type KeySpec,
  type KeyUsageType,
  type KMSClient,
} from '@aws-sdk/client-kms';
import { constants, createHmac, createPrivateKey, privateDecrypt, publicEncrypt } from 'node:crypto';
import { expect } from 'vitest';
import {
  createKeyOf,
  describeKey,
  hmacMaterial,
  importKeyMaterial,
  localEcdh,
  nodePublicKey,
  privateKeyMaterial,
  verifyOffline,
  type ImportOptions,
} from '#harness/kms/index.ts';
import { answerOf, apiRef, DEV_GUIDE, expectKmsError, isError, recorded, requirement, type RequirementSource } from '#harness/spec/index.ts';

const IMPORT_DOC = `${DEV_GUIDE}/importing-keys-conceptual.html`;
const IMPORT_KEY_MATERIAL = apiRef('ImportKeyMaterial');
const MESSAGE = Buffer.from('kms-conformance imported-material probe');

/** The fields whose presence or value the import steps change. */
const STEP_FIELDS = ['KeyState', 'Enabled', 'Origin', 'ExpirationModel', 'ValidTo', 'CurrentKeyMaterialId'] as const;
const stepView = (md: KeyMetadata) => Object.fromEntries(STEP_FIELDS.filter((f) => md[f] !== undefined).map((f) => [f, md[f]]));

/** An EXTERNAL key of `spec` with `material` imported (wrapping as given), and its metadata at each step. */
async function imported(client: KMSClient, spec: KeySpec, usage: KeyUsageType, material: Buffer, wrap: ImportOptions, label: string) {
  const key = await createKeyOf(client, spec, usage, { origin: 'EXTERNAL', description: label });
  const before = await describeKey(client, key.KeyId!);
  const { response } = await importKeyMaterial(client, key.KeyId!, material, wrap);
  const after = await describeKey(client, key.KeyId!, { settledIn: ['Enabled'] });
  return { key, before, after, response };
}

interface EccCase {
  id: string;
  spec: KeySpec;
  wrap: ImportOptions;
  source: RequirementSource;
}

// The wrapping combinations AWS was recorded accepting for each curve (ground truth §3.2).
const ECC_CASES: EccCase[] = [
  { id: 'AIKM-01', spec: 'ECC_NIST_P256', wrap: { algorithm: 'RSAES_OAEP_SHA_256', spec: 'RSA_2048' }, source: recorded('TestKMS::test_import_key_asymmetric', 'describe-key-after-import', 'recorded 2025-11-10', 'CRY-125, CRY-129') },
  { id: 'AIKM-02', spec: 'ECC_NIST_P384', wrap: { algorithm: 'RSAES_OAEP_SHA_1', spec: 'RSA_2048' }, source: recorded('TestKMS::test_import_key_ecc_keys[ECC_NIST_P384]', 'describe-key-after-import', 'recorded 2025-08-04', 'CRY-125, CRY-129') },
  { id: 'AIKM-03', spec: 'ECC_NIST_P521', wrap: { algorithm: 'RSAES_OAEP_SHA_256', spec: 'RSA_4096' }, source: recorded('TestKMS::test_import_key_ecc_keys[ECC_NIST_P521]', 'describe-key-after-import', 'recorded 2025-08-04', 'CRY-125, CRY-129') },
  { id: 'AIKM-04', spec: 'ECC_SECG_P256K1', wrap: { algorithm: 'RSAES_OAEP_SHA_1', spec: 'RSA_2048' }, source: recorded('TestKMS::test_import_key_ecc_keys[ECC_SECG_P256K1]', 'describe-key-after-import', 'recorded 2025-08-04', 'CRY-125, CRY-129') },
];

for (const c of ECC_CASES) {
  requirement(
    {
      id: c.id,
      statement: `An EXTERNAL ${c.spec} signing key accepts a PKCS #8 private key wrapped with ${c.wrap.algorithm} under an ${c.wrap.spec} wrapping key and becomes Enabled, without CurrentKeyMaterialId`,
      operation: 'ImportKeyMaterial',
      source: c.source,
      evidence: 'recorded',
      strength: 'must',
    },
    async (kms) => {
      const { material } = await privateKeyMaterial(c.spec);
      const { after } = await imported(kms.primary, c.spec, 'SIGN_VERIFY', material, c.wrap, c.id);
      expect(stepView(after)).toEqual({ KeyState: 'Enabled', Enabled: true, Origin: 'EXTERNAL', ExpirationModel: 'KEY_MATERIAL_DOES_NOT_EXPIRE' });
    },
  );
}

requirement(
  {
    id: 'AIKM-05',
    statement: 'An EXTERNAL RSA_4096 encryption key accepts a PKCS #8 private key wrapped with RSA_AES_KEY_WRAP_SHA_256 under an RSA_4096 wrapping key and becomes Enabled, without CurrentKeyMaterialId',
    operation: 'ImportKeyMaterial',
    source: recorded('TestKMS::test_import_key_rsa_aes_wrap_sha256', 'import-key-material-response', 'recorded 2025-07-22', 'CRY-126, CRY-129'),
    evidence: 'recorded',
    strength: 'must',
  },
  async (kms) => {
    const { material } = await privateKeyMaterial('RSA_4096');
    const { after } = await imported(kms.primary, 'RSA_4096', 'ENCRYPT_DECRYPT', material, { algorithm: 'RSA_AES_KEY_WRAP_SHA_256', spec: 'RSA_4096' }, 'AIKM-05');
    expect(stepView(after)).toEqual({ KeyState: 'Enabled', Enabled: true, Origin: 'EXTERNAL', ExpirationModel: 'KEY_MATERIAL_DOES_NOT_EXPIRE' });
  },
);

const HMAC_CASES = [['AIKM-06', 'HMAC_224'], ['AIKM-07', 'HMAC_256'], ['AIKM-08', 'HMAC_384'], ['AIKM-09', 'HMAC_512']] as const;
for (const [id, spec] of HMAC_CASES) {
  requirement(
    {
      id,
      statement: `An EXTERNAL ${spec} key accepts raw key bytes of the digest length wrapped with RSAES_OAEP_SHA_256 under RSA_4096 and becomes Enabled, without CurrentKeyMaterialId`,
      operation: 'ImportKeyMaterial',
      source: recorded(`TestKMS::test_import_key_hmac_keys[${spec}]`, 'describe-key-after-import', 'recorded 2025-08-04', 'CRY-127, CRY-129'),
      evidence: 'recorded',
      strength: 'must',
    },
    async (kms) => {
      const { after } = await imported(kms.primary, spec, 'GENERATE_VERIFY_MAC', hmacMaterial(spec), { algorithm: 'RSAES_OAEP_SHA_256', spec: 'RSA_4096' }, id);
      expect(stepView(after)).toEqual({ KeyState: 'Enabled', Enabled: true, Origin: 'EXTERNAL', ExpirationModel: 'KEY_MATERIAL_DOES_NOT_EXPIRE' });
    },
  );
}

requirement(
  {
    id: 'AIKM-10',
    statement: 'Before its import an EXTERNAL asymmetric or HMAC key is PendingImport and disabled, already lists its algorithms, and has no ExpirationModel, ValidTo or CurrentKeyMaterialId',
    operation: 'CreateKey',
    source: recorded('TestKMS::test_import_key_ecc_keys[*], test_import_key_hmac_keys[*], test_import_key_rsa_aes_wrap_sha256', 'describe-key-before-import', 'recorded 2025-07-22 and 2025-08-04', 'CRY-128'),
    evidence: 'recorded',
    strength: 'must',
  },
  async (kms) => {
    const cases = [['ECC_NIST_P384', 'SIGN_VERIFY', 'SigningAlgorithms', ['ECDSA_SHA_384']], ['RSA_2048', 'ENCRYPT_DECRYPT', 'EncryptionAlgorithms', ['RSAES_OAEP_SHA_1', 'RSAES_OAEP_SHA_256']], ['HMAC_384', 'GENERATE_VERIFY_MAC', 'MacAlgorithms', ['HMAC_SHA_384']]] as const;
    for (const [spec, usage, field, list] of cases) {
      const key = await createKeyOf(kms.primary, spec, usage, { origin: 'EXTERNAL', description: 'AIKM-10' });
      const md = await describeKey(kms.primary, key.KeyId!);
      expect(stepView(md), spec).toEqual({ KeyState: 'PendingImport', Enabled: false, Origin: 'EXTERNAL' });
      expect(md[field], `${spec} ${field}`).toEqual(list);
    }
  },
);

requirement(
  {
    id: 'AIKM-11',
    statement: 'GetPublicKey of an imported ECC key is byte for byte the SubjectPublicKeyInfo the importer derives from its private key',
    operation: 'GetPublicKey',
    source: recorded('TestKMS::test_import_key_ecc_keys[*]', undefined, 'validated 2025-08-04', 'CRY-098'),
    evidence: 'recorded',
    strength: 'must',
  },
  async (kms) => {
    for (const spec of ['ECC_NIST_P256', 'ECC_NIST_P521'] as const) {
      const local = await privateKeyMaterial(spec);
      const { key } = await imported(kms.primary, spec, 'SIGN_VERIFY', local.material, { algorithm: 'RSAES_OAEP_SHA_256', spec: 'RSA_4096' }, 'AIKM-11');
      const { PublicKey } = await kms.primary.send(new GetPublicKeyCommand({ KeyId: key.KeyId }));
      expect(Buffer.from(PublicKey!).toString('hex'), spec).toBe(local.publicKeyDer.toString('hex'));
    }
  },
);

requirement(
  {
    id: 'AIKM-12',
    statement: 'GetPublicKey of an imported RSA key is byte for byte the SubjectPublicKeyInfo the importer derives from its private key',
    operation: 'GetPublicKey',
    source: recorded('TestKMS::test_import_key_rsa_aes_wrap_sha256', undefined, 'validated 2025-07-22', 'CRY-098'),
    evidence: 'recorded',
    strength: 'must',
  },
  async (kms) => {
    const local = await privateKeyMaterial('RSA_4096');
    const { key } = await imported(kms.primary, 'RSA_4096', 'ENCRYPT_DECRYPT', local.material, { algorithm: 'RSA_AES_KEY_WRAP_SHA_256', spec: 'RSA_4096' }, 'AIKM-12');
    const { PublicKey } = await kms.primary.send(new GetPublicKeyCommand({ KeyId: key.KeyId }));
    expect(Buffer.from(PublicKey!).toString('hex')).toBe(local.publicKeyDer.toString('hex'));
  },
);

requirement(
  {
    id: 'AIKM-13',
    statement: "An imported ECC key signs with its curve's ECDSA algorithm; the signature verifies offline with the importer's public key, and on the target",
    operation: 'Sign',
    source: recorded('TestKMS::test_import_key_ecc_keys[*]', 'sign-result, verify-result', 'recorded 2025-08-04', 'CRY-131'),
    evidence: 'recorded',
    strength: 'must',
  },
  async (kms) => {
    for (const [spec, algorithm] of [['ECC_NIST_P384', 'ECDSA_SHA_384'], ['ECC_SECG_P256K1', 'ECDSA_SHA_256']] as const) {
      const local = await privateKeyMaterial(spec);
      const { key } = await imported(kms.primary, spec, 'SIGN_VERIFY', local.material, { algorithm: 'RSAES_OAEP_SHA_1', spec: 'RSA_2048' }, 'AIKM-13');
      const { Signature } = await kms.primary.send(new SignCommand({ KeyId: key.KeyId, Message: MESSAGE, SigningAlgorithm: algorithm }));
      expect(verifyOffline(local.publicKeyDer, { spec, algorithm, messageType: 'RAW', message: MESSAGE, signature: Signature! }), `${spec} offline`).toBe(true);
      const v = await kms.primary.send(new VerifyCommand({ KeyId: key.KeyId, Message: MESSAGE, Signature, SigningAlgorithm: algorithm }));
      expect(v.SignatureValid, `${spec} Verify`).toBe(true);
    }
  },
);

requirement(
  {
    id: 'AIKM-14',
    statement: 'GenerateMac with an imported HMAC key is the RFC 2104 HMAC of the message under the imported bytes, and VerifyMac accepts it',
    operation: 'GenerateMac',
    source: { url: apiRef('GenerateMac'), section: 'Description (the standard, raw HMAC of RFC 2104)', groundTruth: 'CRY-089, CRY-131' },
    evidence: 'documented',
    strength: 'must',
  },
  async (kms) => {
    for (const [spec, algorithm, hash] of [['HMAC_256', 'HMAC_SHA_256', 'sha256'], ['HMAC_512', 'HMAC_SHA_512', 'sha512']] as const) {
      const material = hmacMaterial(spec);
      const { key } = await imported(kms.primary, spec, 'GENERATE_VERIFY_MAC', material, { algorithm: 'RSAES_OAEP_SHA_256', spec: 'RSA_4096' }, 'AIKM-14');
      const { Mac } = await kms.primary.send(new GenerateMacCommand({ KeyId: key.KeyId, Message: MESSAGE, MacAlgorithm: algorithm }));
      expect(Buffer.from(Mac!).toString('hex'), spec).toBe(createHmac(hash, material).update(MESSAGE).digest('hex'));
      const v = await kms.primary.send(new VerifyMacCommand({ KeyId: key.KeyId, Message: MESSAGE, Mac, MacAlgorithm: algorithm }));
      expect(v.MacValid, `${spec} VerifyMac`).toBe(true);
    }
  },
);

requirement(
  {
    id: 'AIKM-15',
    statement: "An imported RSA encryption key decrypts what the importer's public key encrypted, and its own ciphertext decrypts with the importer's private key",
    operation: 'Decrypt',
    source: { url: apiRef('Decrypt'), section: 'Description (ciphertext encrypted outside of KMS by the public key)', groundTruth: 'CRY-035, CRY-126' },
    evidence: 'documented',
    strength: 'must',
  },
  async (kms) => {
    const local = await privateKeyMaterial('RSA_2048');
    const { key } = await imported(kms.primary, 'RSA_2048', 'ENCRYPT_DECRYPT', local.material, { algorithm: 'RSA_AES_KEY_WRAP_SHA_1', spec: 'RSA_3072' }, 'AIKM-15');
    const offline = publicEncrypt({ key: nodePublicKey(local.publicKeyDer)!, padding: constants.RSA_PKCS1_OAEP_PADDING, oaepHash: 'sha256' }, MESSAGE);
    const back = await kms.primary.send(new DecryptCommand({ KeyId: key.KeyId, CiphertextBlob: offline, EncryptionAlgorithm: 'RSAES_OAEP_SHA_256' }));
    expect(Buffer.from(back.Plaintext!).toString()).toBe(MESSAGE.toString());
    const { CiphertextBlob } = await kms.primary.send(new EncryptCommand({ KeyId: key.KeyId, Plaintext: MESSAGE, EncryptionAlgorithm: 'RSAES_OAEP_SHA_1' }));
    const privateKey = createPrivateKey({ key: local.material, format: 'der', type: 'pkcs8' });
    expect(privateDecrypt({ key: privateKey, padding: constants.RSA_PKCS1_OAEP_PADDING, oaepHash: 'sha1' }, Buffer.from(CiphertextBlob!)).toString()).toBe(MESSAGE.toString());
  },
);

requirement(
  {
    id: 'AIKM-16',
    statement: "An imported RSA signing key signs with RSASSA-PSS; the signature verifies offline with the importer's public key",
    operation: 'Sign',
    source: { url: IMPORT_KEY_MATERIAL, section: 'Description (asymmetric signing KMS keys)', groundTruth: 'CRY-125…CRY-131 (RSA signing documented)' },
    evidence: 'documented',
    strength: 'must',
  },
  async (kms) => {
    const local = await privateKeyMaterial('RSA_3072');
    const { key } = await imported(kms.primary, 'RSA_3072', 'SIGN_VERIFY', local.material, { algorithm: 'RSA_AES_KEY_WRAP_SHA_256', spec: 'RSA_4096' }, 'AIKM-16');
    const { Signature } = await kms.primary.send(new SignCommand({ KeyId: key.KeyId, Message: MESSAGE, SigningAlgorithm: 'RSASSA_PSS_SHA_384' }));
    expect(verifyOffline(local.publicKeyDer, { spec: 'RSA_3072', algorithm: 'RSASSA_PSS_SHA_384', messageType: 'RAW', message: MESSAGE, signature: Signature! })).toBe(true);
  },
);

requirement(
  {
    id: 'AIKM-17',
    statement: 'DeleteImportedKeyMaterial on an imported asymmetric or HMAC key leaves it PendingImport and disabled, without ExpirationModel or CurrentKeyMaterialId, its algorithm list unchanged',
    operation: 'DeleteImportedKeyMaterial',
    source: recorded('TestKMS::test_import_key_ecc_keys[*], test_import_key_hmac_keys[*], test_import_key_rsa_aes_wrap_sha256', 'describe-key-after-deleted-import', 'recorded 2025-07-22 and 2025-08-04', 'CRY-130'),
    evidence: 'recorded',
    strength: 'must',
  },
  async (kms) => {
    const ecc = await privateKeyMaterial('ECC_NIST_P256');
    const cases = [
      ['ECC_NIST_P256', 'SIGN_VERIFY', ecc.material, { algorithm: 'RSAES_OAEP_SHA_256', spec: 'RSA_2048' }],
      ['HMAC_224', 'GENERATE_VERIFY_MAC', hmacMaterial('HMAC_224'), { algorithm: 'RSAES_OAEP_SHA_256', spec: 'RSA_4096' }],
    ] as const;
    for (const [spec, usage, material, wrap] of cases) {
      const { key, after } = await imported(kms.primary, spec, usage, material, wrap, 'AIKM-17');
      await kms.primary.send(new DeleteImportedKeyMaterialCommand({ KeyId: key.KeyId }));
      const deleted = await describeKey(kms.primary, key.KeyId!, { settledIn: ['PendingImport'] });
      expect(stepView(deleted), spec).toEqual({ KeyState: 'PendingImport', Enabled: false, Origin: 'EXTERNAL' });
      for (const f of ['SigningAlgorithms', 'MacAlgorithms', 'EncryptionAlgorithms'] as const) expect(deleted[f], `${spec} ${f}`).toEqual(after[f]);
    }
  },
);

requirement(
  {
    id: 'AIKM-18',
    statement: 'Reimporting the same private key after DeleteImportedKeyMaterial enables the key again with the same public key',
    operation: 'ImportKeyMaterial',
    source: { url: IMPORT_DOC, section: 'Reimporting the same key material', groundTruth: 'CRY-133, §3.4' },
    evidence: 'documented',
    strength: 'must',
  },
  async (kms) => {
    const local = await privateKeyMaterial('ECC_NIST_P384');
    const wrap = { algorithm: 'RSAES_OAEP_SHA_256', spec: 'RSA_3072' } as const;
    const { key } = await imported(kms.primary, 'ECC_NIST_P384', 'SIGN_VERIFY', local.material, wrap, 'AIKM-18');
    await kms.primary.send(new DeleteImportedKeyMaterialCommand({ KeyId: key.KeyId }));
    await describeKey(kms.primary, key.KeyId!, { settledIn: ['PendingImport'] });
    await importKeyMaterial(kms.primary, key.KeyId!, local.material, wrap);
    const md = await describeKey(kms.primary, key.KeyId!, { settledIn: ['Enabled'] });
    expect(stepView(md)).toEqual({ KeyState: 'Enabled', Enabled: true, Origin: 'EXTERNAL', ExpirationModel: 'KEY_MATERIAL_DOES_NOT_EXPIRE' });
    const { PublicKey } = await kms.primary.send(new GetPublicKeyCommand({ KeyId: key.KeyId }));
    expect(Buffer.from(PublicKey!).toString('hex')).toBe(local.publicKeyDer.toString('hex'));
  },
);

requirement(
  {
    id: 'AIKM-19',
    statement: 'Importing a different private key into an asymmetric key that had material is refused with a client error and the key stays PendingImport',
    operation: 'ImportKeyMaterial',
    source: { url: IMPORT_KEY_MATERIAL, section: 'Description (asymmetric and HMAC keys cannot change key material after the first import)', groundTruth: 'CRY-133' },
    evidence: 'documented',
    strength: 'must',
  },
  async (kms) => {
    const first = await privateKeyMaterial('ECC_NIST_P256');
    const second = await privateKeyMaterial('ECC_NIST_P256');
    const wrap = { algorithm: 'RSAES_OAEP_SHA_256', spec: 'RSA_2048' } as const;
    const { key } = await imported(kms.primary, 'ECC_NIST_P256', 'SIGN_VERIFY', first.material, wrap, 'AIKM-19');
    await kms.primary.send(new DeleteImportedKeyMaterialCommand({ KeyId: key.KeyId }));
    await describeKey(kms.primary, key.KeyId!, { settledIn: ['PendingImport'] });
    const answer = await answerOf(importKeyMaterial(kms.primary, key.KeyId!, second.material, wrap));
    kms.observe('answer', answer);
    expect(isError(answer) && answer.status, 'a client error (IncorrectKeyMaterialException is the documented candidate)').toBe(400);
    expect((await describeKey(kms.primary, key.KeyId!)).KeyState).toBe('PendingImport');
  },
);

requirement(
  {
    id: 'AIKM-20',
    statement: 'The error code for a different private key reimported into an asymmetric key',
    operation: 'ImportKeyMaterial',
    source: { url: IMPORT_KEY_MATERIAL, section: 'Errors: IncorrectKeyMaterialException', groundTruth: 'CRY-133' },
    evidence: 'inferred',
    strength: 'observe',
  },
  async (kms) => {
    const first = hmacMaterial('HMAC_256');
    const wrap = { algorithm: 'RSAES_OAEP_SHA_256', spec: 'RSA_4096' } as const;
    const { key } = await imported(kms.primary, 'HMAC_256', 'GENERATE_VERIFY_MAC', first, wrap, 'AIKM-20');
    await kms.primary.send(new DeleteImportedKeyMaterialCommand({ KeyId: key.KeyId }));
    await describeKey(kms.primary, key.KeyId!, { settledIn: ['PendingImport'] });
    kms.observe('answer', await answerOf(importKeyMaterial(kms.primary, key.KeyId!, hmacMaterial('HMAC_256'), wrap)));
  },
);

requirement(
  {
    id: 'AIKM-21',
    statement: 'ImportType NEW_KEY_MATERIAL on an asymmetric key that already has material',
    operation: 'ImportKeyMaterial',
    source: { url: IMPORT_KEY_MATERIAL, section: 'Request Parameters: ImportType (symmetric encryption keys only)', groundTruth: 'CRY-133, REQ-I13' },
    evidence: 'unknown',
    strength: 'observe',
  },
  async (kms) => {
    const wrap = { algorithm: 'RSAES_OAEP_SHA_256', spec: 'RSA_2048' } as const;
    const { key } = await imported(kms.primary, 'ECC_NIST_P256', 'SIGN_VERIFY', (await privateKeyMaterial('ECC_NIST_P256')).material, wrap, 'AIKM-21');
    kms.observe('answer', await answerOf(importKeyMaterial(kms.primary, key.KeyId!, (await privateKeyMaterial('ECC_NIST_P256')).material, { ...wrap, importType: 'NEW_KEY_MATERIAL' })));
    kms.observe('state after', (await describeKey(kms.primary, key.KeyId!)).KeyState);
  },
);

requirement(
  {
    id: 'AIKM-22',
    statement: 'After DeleteImportedKeyMaterial an RSA encryption key refuses Encrypt and Decrypt with KMSInvalidStateException',
    operation: 'Encrypt',
    source: { url: `${DEV_GUIDE}/key-state.html`, section: 'Encrypt and Decrypt rows: PendingImport, footnote 5', groundTruth: 'CRY-141' },
    evidence: 'documented',
    strength: 'must',
  },
  async (kms) => {
    const local = await privateKeyMaterial('RSA_2048');
    const { key } = await imported(kms.primary, 'RSA_2048', 'ENCRYPT_DECRYPT', local.material, { algorithm: 'RSA_AES_KEY_WRAP_SHA_256', spec: 'RSA_2048' }, 'AIKM-22');
    const { CiphertextBlob } = await kms.primary.send(new EncryptCommand({ KeyId: key.KeyId, Plaintext: MESSAGE, EncryptionAlgorithm: 'RSAES_OAEP_SHA_256' }));
    await kms.primary.send(new DeleteImportedKeyMaterialCommand({ KeyId: key.KeyId }));
    await describeKey(kms.primary, key.KeyId!, { settledIn: ['PendingImport'] });
    await expectKmsError(kms.primary.send(new EncryptCommand({ KeyId: key.KeyId, Plaintext: MESSAGE, EncryptionAlgorithm: 'RSAES_OAEP_SHA_256' })), 'KMSInvalidStateException', 400);
    await expectKmsError(kms.primary.send(new DecryptCommand({ KeyId: key.KeyId, CiphertextBlob, EncryptionAlgorithm: 'RSAES_OAEP_SHA_256' })), 'KMSInvalidStateException', 400);
  },
);

requirement(
  {
    id: 'AIKM-23',
    statement: 'What Sign, GetPublicKey and GenerateMac answer on an imported key whose material was deleted (expected KMSInvalidStateException, pending import)',
    operation: 'Sign',
    source: { url: `${DEV_GUIDE}/key-state.html`, section: 'Sign, GetPublicKey, GenerateMac rows (N/A before 2023)', groundTruth: 'CRY-142' },
    evidence: 'inferred',
    strength: 'observe',
  },
  async (kms) => {
    const ecc = await privateKeyMaterial('ECC_NIST_P256');
    const wrap = { algorithm: 'RSAES_OAEP_SHA_256', spec: 'RSA_4096' } as const;
    const { key: signing } = await imported(kms.primary, 'ECC_NIST_P256', 'SIGN_VERIFY', ecc.material, wrap, 'AIKM-23');
    const { key: mac } = await imported(kms.primary, 'HMAC_256', 'GENERATE_VERIFY_MAC', hmacMaterial('HMAC_256'), wrap, 'AIKM-23');
    for (const k of [signing, mac]) {
      await kms.primary.send(new DeleteImportedKeyMaterialCommand({ KeyId: k.KeyId }));
      await describeKey(kms.primary, k.KeyId!, { settledIn: ['PendingImport'] });
    }
    kms.observe('Sign', await answerOf(kms.primary.send(new SignCommand({ KeyId: signing.KeyId, Message: MESSAGE, SigningAlgorithm: 'ECDSA_SHA_256' }))));
    kms.observe('GetPublicKey', await answerOf(kms.primary.send(new GetPublicKeyCommand({ KeyId: signing.KeyId }))));
    kms.observe('GenerateMac', await answerOf(kms.primary.send(new GenerateMacCommand({ KeyId: mac.KeyId, Message: MESSAGE, MacAlgorithm: 'HMAC_SHA_256' }))));
  },
);

requirement(
  {
    id: 'AIKM-24',
    statement: 'Importing the private key of another curve (a P-384 key into ECC_NIST_P256) is refused and the key stays PendingImport',
    operation: 'ImportKeyMaterial',
    source: { url: IMPORT_KEY_MATERIAL, section: 'Errors: IncorrectKeyMaterialException', groundTruth: '§3.2 (material of the wrong type)' },
    evidence: 'unknown',
    strength: 'observe',
  },
  async (kms) => {
    const key = await createKeyOf(kms.primary, 'ECC_NIST_P256', 'SIGN_VERIFY', { origin: 'EXTERNAL', description: 'AIKM-24' });
    const wrong = await privateKeyMaterial('ECC_NIST_P384');
    kms.observe('answer', await answerOf(importKeyMaterial(kms.primary, key.KeyId!, wrong.material, { algorithm: 'RSAES_OAEP_SHA_256', spec: 'RSA_3072' })));
    kms.observe('state after', (await describeKey(kms.primary, key.KeyId!)).KeyState);
  },
);

requirement(
  {
    id: 'AIKM-25',
    statement: 'Whether CreateKey accepts Origin EXTERNAL for Ed25519, ML-DSA and ML-KEM key specs',
    operation: 'CreateKey',
    source: { url: apiRef('CreateKey'), section: 'Request Parameters: Origin', groundTruth: 'CRY-135' },
    evidence: 'unknown',
    strength: 'observe',
  },
  async (kms) => {
    for (const [spec, usage] of [['ECC_NIST_EDWARDS25519', 'SIGN_VERIFY'], ['ML_DSA_44', 'SIGN_VERIFY'], ['ML_KEM_768', 'ENCAPSULATE_DECAPSULATE']] as const) {
      kms.observe(spec, await answerOf(kms.primary.send(new CreateKeyCommand({ KeySpec: spec, KeyUsage: usage, Origin: 'EXTERNAL', Description: 'AIKM-25' }))));
    }
  },
);

requirement(
  {
    id: 'AIKM-26',
    statement: 'An EXTERNAL ECC KEY_AGREEMENT key with an imported private key derives the ECDH secret a local computation gets, and reports KeyOrigin EXTERNAL',
    operation: 'DeriveSharedSecret',
    source: { url: apiRef('DeriveSharedSecret'), section: 'Response Elements: KeyOrigin', groundTruth: 'CRY-106, §3.1 (the docs disagree on KEY_AGREEMENT import)' },
    evidence: 'inferred',
    strength: 'observe',
  },
  async (kms) => {
    const local = await privateKeyMaterial('ECC_NIST_P256');
    const attempt = imported(kms.primary, 'ECC_NIST_P256', 'KEY_AGREEMENT', local.material, { algorithm: 'RSAES_OAEP_SHA_256', spec: 'RSA_2048' }, 'AIKM-26');
    const answer = await answerOf(attempt);
    if (isError(answer)) {
      kms.observe('import', answer);
      return;
    }
    const { key } = await attempt;
    const peer = localEcdh('ECC_NIST_P256', local.publicKeyDer);
    const out = await kms.primary.send(new DeriveSharedSecretCommand({ KeyId: key.KeyId, KeyAgreementAlgorithm: 'ECDH', PublicKey: peer.publicKeyDer }));
    kms.observe('KeyOrigin', out.KeyOrigin);
    kms.observe('secret matches local ECDH', Buffer.from(out.SharedSecret ?? []).equals(peer.secret));
  },
);

requirement(
  {
    id: 'AIKM-27',
    statement: 'The KeyMaterialId that ImportKeyMaterial and DeleteImportedKeyMaterial return for an asymmetric key',
    operation: 'ImportKeyMaterial',
    source: { url: IMPORT_KEY_MATERIAL, section: 'Response Elements: KeyMaterialId', groundTruth: 'REQ-I1, §3.4' },
    evidence: 'unknown',
    strength: 'observe',
  },
  async (kms) => {
    const local = await privateKeyMaterial('ECC_NIST_P256');
    const { key, response } = await imported(kms.primary, 'ECC_NIST_P256', 'SIGN_VERIFY', local.material, { algorithm: 'RSAES_OAEP_SHA_256', spec: 'RSA_2048' }, 'AIKM-27');
    kms.observe('ImportKeyMaterial KeyMaterialId', response.KeyMaterialId === undefined ? '(absent)' : /^[0-9a-f]{64}$/.test(response.KeyMaterialId) ? '64 hex digits' : response.KeyMaterialId);
    const deleted = await kms.primary.send(new DeleteImportedKeyMaterialCommand({ KeyId: key.KeyId }));
    kms.observe('DeleteImportedKeyMaterial KeyMaterialId', deleted.KeyMaterialId === undefined ? '(absent)' : deleted.KeyMaterialId === response.KeyMaterialId ? 'the imported id' : deleted.KeyMaterialId);
  },
);
