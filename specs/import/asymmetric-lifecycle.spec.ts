/**
 * The imported-material cycle for every key spec AWS imports besides symmetric keys: import, delete,
 * reimport the same material, with the key's state and metadata after each step and its
 * cryptography checked against the material the suite generated (crypto ground truth §3.1–§3.4,
 * the heart's DeleteImportedKeyMaterial requirements carried to RSA, ECC and HMAC keys).
 * @see https://docs.aws.amazon.com/kms/latest/APIReference/API_DeleteImportedKeyMaterial.html
 */
import {
  DeleteImportedKeyMaterialCommand,
  EncryptCommand,
  GenerateMacCommand,
  GetPublicKeyCommand,
  SignCommand,
  type KeyMetadata,
  type KeySpec,
  type KeyUsageType,
  type KMSClient,
} from '@aws-sdk/client-kms';
import { constants, createHmac, createPrivateKey, privateDecrypt } from 'node:crypto';
import { expect } from 'vitest';
import { createKeyOf, describeKey, hmacMaterial, importKeyMaterial, privateKeyMaterial, verifyOffline, type ImportOptions } from '#harness/kms/index.ts';
import { apiRef, recorded, requirement, type EvidenceLevel, type RequirementSource } from '#harness/spec/index.ts';

const PROBE = Buffer.from('kms-conformance import cycle probe');
const STEP_FIELDS = ['KeyState', 'Enabled', 'ExpirationModel', 'CurrentKeyMaterialId'] as const;
const view = (md: KeyMetadata) => Object.fromEntries(STEP_FIELDS.filter((f) => md[f] !== undefined).map((f) => [f, md[f]]));
const ENABLED = { KeyState: 'Enabled', Enabled: true, ExpirationModel: 'KEY_MATERIAL_DOES_NOT_EXPIRE' };
const PENDING = { KeyState: 'PendingImport', Enabled: false };

interface Material {
  bytes: Buffer;
  /** The locally derived public key (asymmetric specs). */
  publicKeyDer?: Buffer;
}

interface CycleCase {
  id: string;
  spec: KeySpec;
  usage: KeyUsageType;
  wrap: ImportOptions;
  evidence: EvidenceLevel;
  source: RequirementSource;
}

const DIKM_DOC: RequirementSource = { url: apiRef('DeleteImportedKeyMaterial'), section: 'Description (asymmetric and HMAC keys with imported material)', groundTruth: 'CRY-128…CRY-131, §3.3' };
const rec = (test: string, date: string): RequirementSource =>
  recorded(test, 'describe-key-before-import, describe-key-after-import, describe-key-after-deleted-import', date, 'CRY-128…CRY-131');
const OAEP_4096: ImportOptions = { algorithm: 'RSAES_OAEP_SHA_256', spec: 'RSA_4096' };
const KEY_WRAP_4096: ImportOptions = { algorithm: 'RSA_AES_KEY_WRAP_SHA_256', spec: 'RSA_4096' };

const CASES: CycleCase[] = [
  { id: 'AIKM-30', spec: 'ECC_NIST_P256', usage: 'SIGN_VERIFY', wrap: OAEP_4096, evidence: 'recorded', source: rec('TestKMS::test_import_key_ecc_keys[ECC_NIST_P256]', 'recorded 2025-08-04') },
  { id: 'AIKM-31', spec: 'ECC_NIST_P384', usage: 'SIGN_VERIFY', wrap: OAEP_4096, evidence: 'recorded', source: rec('TestKMS::test_import_key_ecc_keys[ECC_NIST_P384]', 'recorded 2025-08-04') },
  { id: 'AIKM-32', spec: 'ECC_NIST_P521', usage: 'SIGN_VERIFY', wrap: OAEP_4096, evidence: 'recorded', source: rec('TestKMS::test_import_key_ecc_keys[ECC_NIST_P521]', 'recorded 2025-08-04') },
  { id: 'AIKM-33', spec: 'ECC_SECG_P256K1', usage: 'SIGN_VERIFY', wrap: OAEP_4096, evidence: 'recorded', source: rec('TestKMS::test_import_key_ecc_keys[ECC_SECG_P256K1]', 'recorded 2025-08-04') },
  { id: 'AIKM-34', spec: 'HMAC_224', usage: 'GENERATE_VERIFY_MAC', wrap: OAEP_4096, evidence: 'recorded', source: rec('TestKMS::test_import_key_hmac_keys[HMAC_224]', 'recorded 2025-08-04') },
  { id: 'AIKM-35', spec: 'HMAC_256', usage: 'GENERATE_VERIFY_MAC', wrap: OAEP_4096, evidence: 'recorded', source: rec('TestKMS::test_import_key_hmac_keys[HMAC_256]', 'recorded 2025-08-04') },
  { id: 'AIKM-36', spec: 'HMAC_384', usage: 'GENERATE_VERIFY_MAC', wrap: OAEP_4096, evidence: 'recorded', source: rec('TestKMS::test_import_key_hmac_keys[HMAC_384]', 'recorded 2025-08-04') },
  { id: 'AIKM-37', spec: 'HMAC_512', usage: 'GENERATE_VERIFY_MAC', wrap: OAEP_4096, evidence: 'recorded', source: rec('TestKMS::test_import_key_hmac_keys[HMAC_512]', 'recorded 2025-08-04') },
  { id: 'AIKM-38', spec: 'RSA_2048', usage: 'ENCRYPT_DECRYPT', wrap: KEY_WRAP_4096, evidence: 'documented', source: DIKM_DOC },
  { id: 'AIKM-39', spec: 'RSA_3072', usage: 'ENCRYPT_DECRYPT', wrap: KEY_WRAP_4096, evidence: 'documented', source: DIKM_DOC },
  { id: 'AIKM-40', spec: 'RSA_4096', usage: 'ENCRYPT_DECRYPT', wrap: KEY_WRAP_4096, evidence: 'recorded', source: rec('TestKMS::test_import_key_rsa_aes_wrap_sha256', 'recorded 2025-07-22') },
  { id: 'AIKM-41', spec: 'RSA_2048', usage: 'SIGN_VERIFY', wrap: KEY_WRAP_4096, evidence: 'documented', source: DIKM_DOC },
  { id: 'AIKM-42', spec: 'RSA_3072', usage: 'SIGN_VERIFY', wrap: KEY_WRAP_4096, evidence: 'documented', source: DIKM_DOC },
  { id: 'AIKM-43', spec: 'RSA_4096', usage: 'SIGN_VERIFY', wrap: KEY_WRAP_4096, evidence: 'documented', source: DIKM_DOC },
];

const SIGNING_ALGORITHM: Partial<Record<KeySpec, string>> = {
  ECC_NIST_P256: 'ECDSA_SHA_256', ECC_NIST_P384: 'ECDSA_SHA_384', ECC_NIST_P521: 'ECDSA_SHA_512', ECC_SECG_P256K1: 'ECDSA_SHA_256',
  RSA_2048: 'RSASSA_PSS_SHA_256', RSA_3072: 'RSASSA_PKCS1_V1_5_SHA_384', RSA_4096: 'RSASSA_PSS_SHA_512',
};

async function materialFor(c: CycleCase): Promise<Material> {
  if (c.usage === 'GENERATE_VERIFY_MAC') return { bytes: hmacMaterial(c.spec) };
  const m = await privateKeyMaterial(c.spec);
  return { bytes: m.material, publicKeyDer: m.publicKeyDer };
}

/** The key does the cryptography of its usage with `material`, checked locally. */
async function expectWorksWith(client: KMSClient, c: CycleCase, keyId: string, material: Material): Promise<void> {
  if (c.usage === 'GENERATE_VERIFY_MAC') {
    const algorithm = `HMAC_SHA_${c.spec.slice(5)}` as 'HMAC_SHA_256';
    const { Mac } = await client.send(new GenerateMacCommand({ KeyId: keyId, Message: PROBE, MacAlgorithm: algorithm }));
    expect(Buffer.from(Mac!).toString('hex'), 'the MAC under the imported bytes').toBe(createHmac(`sha${c.spec.slice(5)}`, material.bytes).update(PROBE).digest('hex'));
    return;
  }
  const { PublicKey } = await client.send(new GetPublicKeyCommand({ KeyId: keyId }));
  expect(Buffer.from(PublicKey!).toString('hex'), "GetPublicKey is the importer's public key").toBe(material.publicKeyDer!.toString('hex'));
  if (c.usage === 'SIGN_VERIFY') {
    const algorithm = SIGNING_ALGORITHM[c.spec]!;
    const { Signature } = await client.send(new SignCommand({ KeyId: keyId, Message: PROBE, SigningAlgorithm: algorithm as 'ECDSA_SHA_256' }));
    expect(verifyOffline(material.publicKeyDer!, { spec: c.spec, algorithm, messageType: 'RAW', message: PROBE, signature: Signature! }), 'the signature verifies offline').toBe(true);
    return;
  }
  const { CiphertextBlob } = await client.send(new EncryptCommand({ KeyId: keyId, Plaintext: PROBE, EncryptionAlgorithm: 'RSAES_OAEP_SHA_256' }));
  const key = createPrivateKey({ key: material.bytes, format: 'der', type: 'pkcs8' });
  const plaintext = privateDecrypt({ key, padding: constants.RSA_PKCS1_OAEP_PADDING, oaepHash: 'sha256' }, Buffer.from(CiphertextBlob!));
  expect(plaintext.toString(), 'the ciphertext decrypts with the imported private key').toBe(PROBE.toString());
}

for (const c of CASES) {
  requirement(
    {
      id: c.id,
      statement: `An EXTERNAL ${c.spec} ${c.usage} key goes Enabled on import, PendingImport on DeleteImportedKeyMaterial (no ExpirationModel, never CurrentKeyMaterialId), and Enabled again, working as before, when the same material is reimported`,
      operation: 'DeleteImportedKeyMaterial',
      source: c.source,
      evidence: c.evidence,
      strength: 'must',
    },
    async (kms) => {
      const client = kms.primary;
      const material = await materialFor(c);
      const key = await createKeyOf(client, c.spec, c.usage, { origin: 'EXTERNAL', description: c.id });
      await importKeyMaterial(client, key.KeyId!, material.bytes, c.wrap);
      expect(view(await describeKey(client, key.KeyId!, { settledIn: ['Enabled'] })), 'after the import').toEqual(ENABLED);
      await expectWorksWith(client, c, key.KeyId!, material);
      await client.send(new DeleteImportedKeyMaterialCommand({ KeyId: key.KeyId }));
      expect(view(await describeKey(client, key.KeyId!, { settledIn: ['PendingImport'] })), 'after DeleteImportedKeyMaterial').toEqual(PENDING);
      await importKeyMaterial(client, key.KeyId!, material.bytes, c.wrap);
      expect(view(await describeKey(client, key.KeyId!, { settledIn: ['Enabled'] })), 'after reimporting the same material').toEqual(ENABLED);
      await expectWorksWith(client, c, key.KeyId!, material);
    },
  );
}
