/**
 * DeleteImportedKeyMaterial in each key state of an EXTERNAL key: Enabled and Disabled keys become
 * PendingImport; a PendingDeletion key stays PendingDeletion; a PendingImport key is left as it is.
 * @see https://docs.aws.amazon.com/kms/latest/APIReference/API_DeleteImportedKeyMaterial.html
 * @see https://docs.aws.amazon.com/kms/latest/developerguide/key-state.html
 */
import { DeleteImportedKeyMaterialCommand, DisableKeyCommand, ScheduleKeyDeletionCommand, type KMSClient } from '@aws-sdk/client-kms';
import { expect } from 'vitest';
import { createExternalKey, createImportedKey, describeKey, importKeyMaterial, newKeyMaterial, sameMaterial } from '#harness/kms/index.ts';
import { precondition, requirement } from '#harness/spec/index.ts';

const API = 'https://docs.aws.amazon.com/kms/latest/APIReference/API_DeleteImportedKeyMaterial.html';
const KEY_STATE = 'https://docs.aws.amazon.com/kms/latest/developerguide/key-state.html';
const OP = 'DeleteImportedKeyMaterial';
const DAY_MS = 86_400_000;

const deleteMaterial = (client: KMSClient, keyId: string) => client.send(new DeleteImportedKeyMaterialCommand({ KeyId: keyId }));

/** An imported key scheduled for deletion, with the DeletionDate DescribeKey reported. */
async function pendingDeletionKey(client: KMSClient) {
  const { key, keyMaterialId } = await createImportedKey(client);
  await client.send(new ScheduleKeyDeletionCommand({ KeyId: key.KeyId, PendingWindowInDays: 7 }));
  const scheduled = await describeKey(client, key.KeyId!, { settledIn: ['PendingDeletion'] });
  precondition(scheduled.KeyState === 'PendingDeletion' && scheduled.DeletionDate !== undefined, 'KEY-07', () => `ScheduleKeyDeletion left the key ${scheduled.KeyState}${scheduled.DeletionDate ? '' : ', without a DeletionDate'}, not PendingDeletion`);
  return { key, keyMaterialId, deletionDate: scheduled.DeletionDate };
}

requirement(
  {
    id: 'DIKM-23',
    statement: 'Deleting the material of an Enabled EXTERNAL key succeeds and leaves the key PendingImport and not enabled',
    operation: OP,
    source: { url: API, section: 'Description', groundTruth: 'REQ-D1' },
    evidence: 'recorded',
    strength: 'must',
  },
  async (kms) => {
    const { key } = await createImportedKey(kms.primary);
    await deleteMaterial(kms.primary, key.KeyId!);
    expect(await describeKey(kms.primary, key.KeyId!)).toMatchObject({ KeyState: 'PendingImport', Enabled: false });
  },
);

requirement(
  {
    id: 'DIKM-24',
    statement: 'After the deletion DescribeKey shows no ExpirationModel and no ValidTo, the same CurrentKeyMaterialId, and the rest of the metadata unchanged',
    operation: OP,
    source: { url: API, section: 'Description', groundTruth: 'REQ-D1' },
    evidence: 'recorded',
    strength: 'must',
  },
  async (kms) => {
    const { key } = await createImportedKey(kms.primary, { description: 'DIKM-24' });
    const before = await describeKey(kms.primary, key.KeyId!);
    await deleteMaterial(kms.primary, key.KeyId!);
    const after = await describeKey(kms.primary, key.KeyId!);
    expect(after).not.toHaveProperty('ExpirationModel');
    expect(after).not.toHaveProperty('ValidTo');
    const stable = ['KeyId', 'Arn', 'AWSAccountId', 'Origin', 'KeySpec', 'KeyUsage', 'KeyManager', 'Description', 'MultiRegion'] as const;
    for (const field of stable) expect(after[field], field).toEqual(before[field]);
    expect(after.CreationDate?.getTime()).toBe(before.CreationDate?.getTime());
    // The rest held; "the same CurrentKeyMaterialId" says something only about a key that reports one.
    precondition(/^[0-9a-f]{64}$/.test(before.CurrentKeyMaterialId ?? ''), 'IKM-01', `the imported key reports no CurrentKeyMaterialId of 64 hex digits (${before.CurrentKeyMaterialId ?? 'none'}), so its staying the same cannot be checked`);
    expect(after.CurrentKeyMaterialId).toBe(before.CurrentKeyMaterialId);
  },
);

requirement(
  {
    id: 'DIKM-25',
    statement: 'Deleting expiring material also drops its expiration settings: DescribeKey shows neither ExpirationModel nor ValidTo',
    operation: OP,
    source: { url: API, section: 'Description', groundTruth: 'REQ-D1, REQ-I5' },
    evidence: 'inferred',
    strength: 'should',
  },
  async (kms) => {
    const key = await createExternalKey(kms.primary);
    const validTo = new Date(Date.now() + 30 * DAY_MS);
    await importKeyMaterial(kms.primary, key.KeyId!, newKeyMaterial(), { expirationModel: 'KEY_MATERIAL_EXPIRES', validTo });
    const before = await describeKey(kms.primary, key.KeyId!);
    precondition(before.ExpirationModel === 'KEY_MATERIAL_EXPIRES', 'IKM-16', `the import with KEY_MATERIAL_EXPIRES left ExpirationModel ${before.ExpirationModel ?? 'absent'}, so there is no expiry to drop`);
    await deleteMaterial(kms.primary, key.KeyId!);
    const after = await describeKey(kms.primary, key.KeyId!);
    expect(after).not.toHaveProperty('ExpirationModel');
    expect(after).not.toHaveProperty('ValidTo');
  },
);

requirement(
  {
    id: 'DIKM-26',
    statement: 'Deleting the material of a Disabled EXTERNAL key succeeds and leaves the key PendingImport',
    operation: OP,
    source: { url: API, section: 'Description', groundTruth: 'REQ-D2' },
    evidence: 'documented',
    strength: 'must',
  },
  async (kms) => {
    const { key } = await createImportedKey(kms.primary);
    await kms.primary.send(new DisableKeyCommand({ KeyId: key.KeyId }));
    const state = (await describeKey(kms.primary, key.KeyId!, { settledIn: ['Disabled'] })).KeyState;
    precondition(state === 'Disabled', 'KEY-06', `DisableKey left the key ${state}, not Disabled`);
    await deleteMaterial(kms.primary, key.KeyId!);
    expect(await describeKey(kms.primary, key.KeyId!)).toMatchObject({ KeyState: 'PendingImport', Enabled: false });
  },
);

requirement(
  {
    id: 'DIKM-27',
    statement: 'Deleting the material of a PendingDeletion EXTERNAL key succeeds and the key stays PendingDeletion',
    operation: OP,
    source: { url: API, section: 'Description', groundTruth: 'REQ-D3' },
    evidence: 'documented',
    strength: 'must',
  },
  async (kms) => {
    const { key } = await pendingDeletionKey(kms.primary);
    await deleteMaterial(kms.primary, key.KeyId!);
    expect(await describeKey(kms.primary, key.KeyId!)).toMatchObject({ KeyState: 'PendingDeletion', Enabled: false });
  },
);

requirement(
  {
    id: 'DIKM-28',
    statement: "Deleting the material of a PendingDeletion key leaves its DeletionDate as it was",
    operation: OP,
    source: { url: API, section: 'Description', groundTruth: 'REQ-D3' },
    evidence: 'inferred',
    strength: 'should',
  },
  async (kms) => {
    const { key, deletionDate } = await pendingDeletionKey(kms.primary);
    await deleteMaterial(kms.primary, key.KeyId!);
    expect((await describeKey(kms.primary, key.KeyId!)).DeletionDate?.getTime()).toBe(deletionDate.getTime());
  },
);

requirement(
  {
    id: 'DIKM-29',
    statement: 'On an EXTERNAL key that never had material the call succeeds and changes nothing (PendingImport, no material id)',
    operation: OP,
    source: { url: KEY_STATE, section: 'DeleteImportedKeyMaterial row: PendingImport (No effect)', groundTruth: 'REQ-D4' },
    evidence: 'documented',
    strength: 'must',
  },
  async (kms) => {
    const key = await createExternalKey(kms.primary);
    await deleteMaterial(kms.primary, key.KeyId!);
    const after = await describeKey(kms.primary, key.KeyId!);
    expect(after).toMatchObject({ KeyState: 'PendingImport', Enabled: false, Origin: 'EXTERNAL' });
    expect(after).not.toHaveProperty('CurrentKeyMaterialId');
    expect(after).not.toHaveProperty('ExpirationModel');
  },
);

requirement(
  {
    id: 'DIKM-30',
    statement: 'A second deletion after a deletion succeeds and changes nothing (still PendingImport, same material id)',
    operation: OP,
    source: { url: KEY_STATE, section: 'DeleteImportedKeyMaterial row: PendingImport (No effect)', groundTruth: 'REQ-D4' },
    evidence: 'documented',
    strength: 'must',
  },
  async (kms) => {
    const { key, keyMaterialId } = await createImportedKey(kms.primary);
    await deleteMaterial(kms.primary, key.KeyId!);
    await deleteMaterial(kms.primary, key.KeyId!);
    const after = await describeKey(kms.primary, key.KeyId!);
    expect(after).toMatchObject({ KeyState: 'PendingImport', Enabled: false, ...sameMaterial(keyMaterialId) });
    expect(after).not.toHaveProperty('ExpirationModel');
  },
);

requirement(
  {
    id: 'DIKM-31',
    statement: 'The state after CancelKeyDeletion of a key whose material was deleted while pending deletion is not known for AWS; it is recorded',
    operation: OP,
    source: { url: API, section: 'Description', groundTruth: 'REQ-S5, c.10#4' },
    evidence: 'unknown',
    strength: 'observe',
  },
  async (kms) => {
    const { key } = await pendingDeletionKey(kms.primary);
    await deleteMaterial(kms.primary, key.KeyId!);
    const cancel = await kms.raw().send({ operation: 'CancelKeyDeletion', body: { KeyId: key.KeyId } });
    kms.observe('CancelKeyDeletion answer', { status: cancel.status, errorCode: cancel.errorCode ?? null });
    const after = await describeKey(kms.primary, key.KeyId!);
    kms.observe('DescribeKey after CancelKeyDeletion', { KeyState: after.KeyState, Enabled: after.Enabled, DeletionDate: after.DeletionDate ?? null });
  },
);
