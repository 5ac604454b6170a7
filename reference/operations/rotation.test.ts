/**
 * Rotation in the reference (key-management §1): automatic rotation driven by the test clock,
 * on-demand rotation of AWS_KMS keys and of imported material, old ciphertext decrypting under its
 * own material, the recorded refusals, and ListKeyRotations.
 */
import {
  CancelKeyDeletionCommand,
  CreateKeyCommand,
  DecryptCommand,
  DeleteImportedKeyMaterialCommand,
  DisableKeyCommand,
  DisableKeyRotationCommand,
  EnableKeyCommand,
  EnableKeyRotationCommand,
  EncryptCommand,
  GetKeyRotationStatusCommand,
  ListKeyRotationsCommand,
  RotateKeyOnDemandCommand,
  ScheduleKeyDeletionCommand,
  type KMSClient,
} from '@aws-sdk/client-kms';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { messages } from '../errors.ts';
import { DAY_MS, MINUTE_MS, TestClock } from '../test-support/clock.ts';
import { expectKmsError } from '../test-support/expect-kms-error.ts';
import { createImportedKey, createKey, describe as describeKey, importMaterial, newMaterial } from '../test-support/import-flow.ts';
import { startSdkTarget, type SdkTarget } from '../test-support/sdk-target.ts';

const clock = new TestClock();
let target: SdkTarget;
let kms: KMSClient;
beforeAll(async () => {
  target = await startSdkTarget({ clock });
  kms = target.client();
});
afterAll(() => target.close());

const status = (KeyId: string) => kms.send(new GetKeyRotationStatusCommand({ KeyId }));
const current = async (KeyId: string) => (await describeKey(kms, KeyId)).CurrentKeyMaterialId;
const encrypt = async (KeyId: string) => (await kms.send(new EncryptCommand({ KeyId, Plaintext: Buffer.from('before') }))).CiphertextBlob!;
const decrypt = async (blob: Uint8Array) => Buffer.from((await kms.send(new DecryptCommand({ CiphertextBlob: blob }))).Plaintext!).toString();

describe('automatic rotation', () => {
  it('is off by default; EnableKeyRotation reports 365 days and the next date; DisableKeyRotation reports false and nothing else', async () => {
    const key = await createKey(kms, 'AWS_KMS');
    expect(await status(key.KeyId!)).toMatchObject({ KeyRotationEnabled: false, KeyId: key.Arn });
    await kms.send(new EnableKeyRotationCommand({ KeyId: key.KeyId }));
    const on = await status(key.KeyId!);
    expect(on).toMatchObject({ KeyRotationEnabled: true, RotationPeriodInDays: 365 });
    expect(on.NextRotationDate).toEqual(new Date(clock.now().getTime() + 365 * DAY_MS));
    await kms.send(new DisableKeyRotationCommand({ KeyId: key.KeyId }));
    const off = await status(key.KeyId!);
    expect(off.KeyRotationEnabled).toBe(false);
    expect(off).not.toHaveProperty('RotationPeriodInDays');
    expect(off).not.toHaveProperty('NextRotationDate');
  });

  it('the clock rotates an enabled key when due; old ciphertext still decrypts; a disabled key waits until enabled', async () => {
    const key = await createKey(kms, 'AWS_KMS');
    await kms.send(new EnableKeyRotationCommand({ KeyId: key.KeyId, RotationPeriodInDays: 90 }));
    const first = await current(key.KeyId!);
    const blob = await encrypt(key.KeyId!);
    clock.advance(90 * DAY_MS + MINUTE_MS);
    const second = await current(key.KeyId!);
    expect(second).not.toBe(first);
    expect(await decrypt(blob)).toBe('before');
    const rotations = await kms.send(new ListKeyRotationsCommand({ KeyId: key.KeyId }));
    expect(rotations.Rotations?.map((r) => [r.KeyMaterialId, r.RotationType, r.KeyMaterialState])).toEqual([[second, 'AUTOMATIC', 'CURRENT']]);
    await kms.send(new DisableKeyCommand({ KeyId: key.KeyId }));
    clock.advance(91 * DAY_MS);
    await kms.send(new EnableKeyCommand({ KeyId: key.KeyId }));
    expect(await current(key.KeyId!)).not.toBe(second);
  });

  it('a key pending deletion reports rotation off; cancelling the deletion brings it back', async () => {
    const key = await createKey(kms, 'AWS_KMS');
    await kms.send(new EnableKeyRotationCommand({ KeyId: key.KeyId }));
    await kms.send(new ScheduleKeyDeletionCommand({ KeyId: key.KeyId, PendingWindowInDays: 7 }));
    expect((await status(key.KeyId!)).KeyRotationEnabled).toBe(false);
    await kms.send(new CancelKeyDeletionCommand({ KeyId: key.KeyId }));
    expect((await status(key.KeyId!)).KeyRotationEnabled).toBe(true);
  });

  it('asymmetric keys: UnsupportedOperationException with no message; EXTERNAL keys: the origin refusal', async () => {
    const rsa = (await kms.send(new CreateKeyCommand({ KeySpec: 'RSA_2048', KeyUsage: 'SIGN_VERIFY' }))).KeyMetadata!;
    await expectKmsError(kms.send(new EnableKeyRotationCommand({ KeyId: rsa.KeyId })), 'UnsupportedOperationException');
    const external = await createKey(kms, 'EXTERNAL');
    await expectKmsError(kms.send(new EnableKeyRotationCommand({ KeyId: external.KeyId })), 'UnsupportedOperationException', messages.originNotValid(external.Arn!, 'EXTERNAL'));
  });
});

describe('on-demand rotation', () => {
  it('answers the key ARN, moves CurrentKeyMaterialId, keeps the automatic schedule, and old ciphertext decrypts', async () => {
    const key = await createKey(kms, 'AWS_KMS');
    await kms.send(new EnableKeyRotationCommand({ KeyId: key.KeyId }));
    const next = (await status(key.KeyId!)).NextRotationDate;
    const before = await current(key.KeyId!);
    const blob = await encrypt(key.KeyId!);
    expect(await kms.send(new RotateKeyOnDemandCommand({ KeyId: key.KeyId }))).toMatchObject({ KeyId: key.Arn });
    expect(await current(key.KeyId!)).not.toBe(before);
    expect((await status(key.KeyId!)).NextRotationDate).toEqual(next);
    expect(await decrypt(blob)).toBe('before');
    const all = await kms.send(new ListKeyRotationsCommand({ KeyId: key.KeyId, IncludeKeyMaterial: 'ALL_KEY_MATERIAL' }));
    expect(all.Rotations?.map((r) => r.KeyMaterialState)).toEqual(['NON_CURRENT', 'CURRENT']);
    expect(all.Rotations?.[0]).not.toHaveProperty('RotationDate');
  });

  it('the 26th on-demand rotation: LimitExceededException with the recorded text', async () => {
    const key = await createKey(kms, 'AWS_KMS');
    for (let i = 0; i < 25; i++) await kms.send(new RotateKeyOnDemandCommand({ KeyId: key.KeyId }));
    await expectKmsError(kms.send(new RotateKeyOnDemandCommand({ KeyId: key.KeyId })), 'LimitExceededException', messages.rotationLimit(key.Arn!));
    const page = await kms.send(new ListKeyRotationsCommand({ KeyId: key.KeyId, Limit: 10 }));
    expect(page).toMatchObject({ Truncated: true });
    expect(page.Rotations).toHaveLength(10);
  });

  it('a disabled key: DisabledException; within 20 minutes of an automatic rotation: ConflictException', async () => {
    const key = await createKey(kms, 'AWS_KMS');
    await kms.send(new DisableKeyCommand({ KeyId: key.KeyId }));
    await expectKmsError(kms.send(new RotateKeyOnDemandCommand({ KeyId: key.KeyId })), 'DisabledException', messages.disabled(key.Arn!));
    const other = await createKey(kms, 'AWS_KMS');
    await kms.send(new EnableKeyRotationCommand({ KeyId: other.KeyId, RotationPeriodInDays: 90 }));
    clock.advance(90 * DAY_MS - 10 * MINUTE_MS);
    await expectKmsError(kms.send(new RotateKeyOnDemandCommand({ KeyId: other.KeyId })), 'ConflictException');
  });
});

describe('imported material', () => {
  it('NEW_KEY_MATERIAL waits as PENDING_ROTATION; RotateKeyOnDemand makes it current; nothing pending is the recorded refusal', async () => {
    const { key } = await createImportedKey(kms);
    const first = await current(key.KeyId!);
    const blob = await encrypt(key.KeyId!);
    await expectKmsError(kms.send(new RotateKeyOnDemandCommand({ KeyId: key.KeyId })), 'KMSInvalidStateException', messages.noPendingMaterial(key.Arn!));
    const second = (await importMaterial(kms, key.KeyId!, newMaterial(), { request: { ImportType: 'NEW_KEY_MATERIAL' } })).KeyMaterialId;
    expect(await current(key.KeyId!)).toBe(first);
    await kms.send(new RotateKeyOnDemandCommand({ KeyId: key.KeyId }));
    expect(await current(key.KeyId!)).toBe(second);
    expect(await decrypt(blob)).toBe('before');
    const rotations = await kms.send(new ListKeyRotationsCommand({ KeyId: key.KeyId }));
    expect(rotations.Rotations).toMatchObject([{ KeyMaterialId: second, RotationType: 'ON_DEMAND', KeyMaterialState: 'CURRENT', ImportState: 'IMPORTED' }]);
  });

  it('deleting the non-current material makes the key PendingImport until that material is reimported', async () => {
    const material = newMaterial();
    const { key } = await createImportedKey(kms, material);
    const first = await current(key.KeyId!);
    const blob = await encrypt(key.KeyId!);
    await importMaterial(kms, key.KeyId!, newMaterial(), { request: { ImportType: 'NEW_KEY_MATERIAL' } });
    await kms.send(new RotateKeyOnDemandCommand({ KeyId: key.KeyId }));
    await kms.send(new DeleteImportedKeyMaterialCommand({ KeyId: key.KeyId, KeyMaterialId: first }));
    expect((await describeKey(kms, key.KeyId!)).KeyState).toBe('PendingImport');
    await expectKmsError(kms.send(new EncryptCommand({ KeyId: key.KeyId, Plaintext: Buffer.from('x') })), 'KMSInvalidStateException', messages.pendingImport(key.Arn!));
    await importMaterial(kms, key.KeyId!, material, { request: { ImportType: 'EXISTING_KEY_MATERIAL', KeyMaterialId: first } });
    expect((await describeKey(kms, key.KeyId!)).KeyState).toBe('Enabled');
    expect(await decrypt(blob)).toBe('before');
  });

  it('a PendingImport key: the recorded "<ARN> is pending import."', async () => {
    const key = await createKey(kms, 'EXTERNAL');
    await expectKmsError(kms.send(new RotateKeyOnDemandCommand({ KeyId: key.KeyId })), 'KMSInvalidStateException', messages.pendingImport(key.Arn!));
  });
});
