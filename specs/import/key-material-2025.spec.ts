/**
 * ImportKeyMaterial's ImportType and KeyMaterialId members (added in June 2025 with on-demand rotation
 * of imported material, symmetric keys only): NEW_KEY_MATERIAL adds one material pending rotation and
 * leaves the current one in use; EXISTING_KEY_MATERIAL reimports a material the key already has,
 * checked against the KeyMaterialId when one is given.
 * @see https://docs.aws.amazon.com/kms/latest/APIReference/API_ImportKeyMaterial.html
 */
import { randomBytes } from 'node:crypto';
import { expect } from 'vitest';
import { createImportedKey, describeKey, importKeyMaterial, newKeyMaterial } from '#harness/kms/index.ts';
import { expectClientError, expectKmsError, precondition, requirement } from '#harness/spec/index.ts';

const API = 'https://docs.aws.amazon.com/kms/latest/APIReference/API_ImportKeyMaterial.html';
const OP = 'ImportKeyMaterial';
const MATERIAL_ID = /^[0-9a-f]{64}$/;

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

requirement(
  {
    id: 'IKM-30',
    statement: 'ImportType NEW_KEY_MATERIAL on an Enabled key answers the key ARN and a new 64-hex KeyMaterialId, and the key stays Enabled on its current material',
    operation: OP,
    source: { url: API, section: 'Request Parameters: ImportType', groundTruth: 'REQ-I11' },
    evidence: 'recorded',
    strength: 'must',
  },
  async (kms) => {
    const { key, keyMaterialId } = await createImportedKey(kms.primary, { description: 'IKM-30' });
    const { response } = await importKeyMaterial(kms.primary, key.KeyId!, newKeyMaterial(), { importType: 'NEW_KEY_MATERIAL' });
    expect(response.KeyId).toBe(key.Arn);
    expect(response.KeyMaterialId).toMatch(MATERIAL_ID);
    expect(response.KeyMaterialId).not.toBe(keyMaterialId);
    expect(await describeKey(kms.primary, key.KeyId!)).toMatchObject({ KeyState: 'Enabled', Enabled: true, CurrentKeyMaterialId: keyMaterialId });
  },
);

requirement(
  {
    id: 'IKM-31',
    statement: 'A second NEW_KEY_MATERIAL import while one material is pending rotation is refused with KMSInvalidStateException and HTTP 400, and the current material is unchanged',
    operation: OP,
    source: { url: API, section: 'Request Parameters: ImportType; Errors: KMSInvalidStateException', groundTruth: 'REQ-I12' },
    evidence: 'recorded',
    strength: 'must',
  },
  async (kms) => {
    const { key, keyMaterialId } = await createImportedKey(kms.primary, { description: 'IKM-31' });
    await importKeyMaterial(kms.primary, key.KeyId!, newKeyMaterial(), { importType: 'NEW_KEY_MATERIAL' });
    await expectKmsError(importKeyMaterial(kms.primary, key.KeyId!, newKeyMaterial(), { importType: 'NEW_KEY_MATERIAL' }), 'KMSInvalidStateException', 400);
    expect(await describeKey(kms.primary, key.KeyId!)).toMatchObject({ KeyState: 'Enabled', CurrentKeyMaterialId: keyMaterialId });
  },
);

requirement(
  {
    id: 'IKM-32',
    statement: "That refusal reads 'New key material (id: <new id>) cannot be imported into KMS key <ARN>, because another key material (id: <pending id>) is pending rotation.'",
    operation: OP,
    source: { url: API, section: 'Errors: KMSInvalidStateException', groundTruth: 'REQ-I12, f#5' },
    evidence: 'recorded',
    strength: 'should',
  },
  async (kms) => {
    const { key } = await createImportedKey(kms.primary, { description: 'IKM-32' });
    const { response: pending } = await importKeyMaterial(kms.primary, key.KeyId!, newKeyMaterial(), { importType: 'NEW_KEY_MATERIAL' });
    const e = await expectKmsError(importKeyMaterial(kms.primary, key.KeyId!, newKeyMaterial(), { importType: 'NEW_KEY_MATERIAL' }), 'KMSInvalidStateException');
    const expected = `^New key material \\(id: [0-9a-f]{64}\\) cannot be imported into KMS key ${escapeRegExp(key.Arn!)}, because another key material \\(id: ${pending.KeyMaterialId}\\) is pending rotation\\.$`;
    expect(e.message).toMatch(new RegExp(expected));
  },
);

requirement(
  {
    id: 'IKM-33',
    statement: 'NEW_KEY_MATERIAL with a KeyMaterialId is refused with a client error and adds nothing: the same material then imports as NEW_KEY_MATERIAL without one',
    operation: OP,
    source: { url: API, section: 'Request Parameters: KeyMaterialId (not with NEW_KEY_MATERIAL)', groundTruth: 'REQ-I14' },
    evidence: 'documented',
    strength: 'must',
  },
  async (kms) => {
    const { key, keyMaterialId } = await createImportedKey(kms.primary, { description: 'IKM-33' });
    const material = newKeyMaterial();
    const refused = importKeyMaterial(kms.primary, key.KeyId!, material, { importType: 'NEW_KEY_MATERIAL', keyMaterialId: randomBytes(32).toString('hex') });
    // AWS's error for this is not known (ground truth c.10#5).
    kms.observe('answer', await expectClientError(refused));
    expect(await describeKey(kms.primary, key.KeyId!)).toMatchObject({ KeyState: 'Enabled', CurrentKeyMaterialId: keyMaterialId });
    // Only one material may be pending: this succeeds only if the refused import left none behind.
    const { response } = await importKeyMaterial(kms.primary, key.KeyId!, material, { importType: 'NEW_KEY_MATERIAL' });
    expect(response.KeyMaterialId).toMatch(MATERIAL_ID);
  },
);

requirement(
  {
    id: 'IKM-34',
    statement: "EXISTING_KEY_MATERIAL with the key's own material but a KeyMaterialId that is not its id is refused with a client error, and the key is unchanged",
    operation: OP,
    source: { url: API, section: 'Request Parameters: KeyMaterialId (matched against the computed id)', groundTruth: 'REQ-I14' },
    evidence: 'documented',
    strength: 'must',
  },
  async (kms) => {
    const { key, material, keyMaterialId } = await createImportedKey(kms.primary, { description: 'IKM-34' });
    const refused = importKeyMaterial(kms.primary, key.KeyId!, material, { importType: 'EXISTING_KEY_MATERIAL', keyMaterialId: randomBytes(32).toString('hex') });
    // AWS's error for this is not known (ground truth c.10#5).
    kms.observe('answer', await expectClientError(refused));
    expect(await describeKey(kms.primary, key.KeyId!)).toMatchObject({ KeyState: 'Enabled', Enabled: true, CurrentKeyMaterialId: keyMaterialId });
  },
);

requirement(
  {
    id: 'IKM-35',
    statement: "EXISTING_KEY_MATERIAL with the key's own material and its own KeyMaterialId is accepted and answers that id",
    operation: OP,
    source: { url: API, section: 'Request Parameters: KeyMaterialId, ImportType', groundTruth: 'REQ-I14, REQ-I8' },
    evidence: 'documented',
    strength: 'must',
  },
  async (kms) => {
    const { key, material, keyMaterialId } = await createImportedKey(kms.primary, { description: 'IKM-35' });
    precondition(keyMaterialId !== undefined, 'IKM-01', 'the first import answered no KeyMaterialId to name');
    const { response } = await importKeyMaterial(kms.primary, key.KeyId!, material, { importType: 'EXISTING_KEY_MATERIAL', keyMaterialId });
    expect(response).toMatchObject({ KeyId: key.Arn, KeyMaterialId: keyMaterialId });
    expect((await describeKey(kms.primary, key.KeyId!)).KeyState).toBe('Enabled');
  },
);

requirement(
  {
    id: 'IKM-36',
    statement: 'NEW_KEY_MATERIAL with the material the key already has is refused with IncorrectKeyMaterialException and HTTP 400',
    operation: OP,
    source: { url: API, section: 'Errors: IncorrectKeyMaterialException (new material expected, known material given)', groundTruth: 'REQ-I6, REQ-I10' },
    evidence: 'documented',
    strength: 'must',
  },
  async (kms) => {
    const { key, material, keyMaterialId } = await createImportedKey(kms.primary, { description: 'IKM-36' });
    await expectKmsError(importKeyMaterial(kms.primary, key.KeyId!, material, { importType: 'NEW_KEY_MATERIAL' }), 'IncorrectKeyMaterialException', 400);
    expect(await describeKey(kms.primary, key.KeyId!)).toMatchObject({ KeyState: 'Enabled', CurrentKeyMaterialId: keyMaterialId });
  },
);
