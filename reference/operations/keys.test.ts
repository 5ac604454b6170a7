/**
 * Key lifecycle handlers (CreateKey, DescribeKey, Enable/DisableKey, Schedule/CancelKeyDeletion)
 * and ListKeys paging (ground truth REQ-C1, REQ-C3, REQ-S1…S7).
 */
import {
  CancelKeyDeletionCommand,
  CreateKeyCommand,
  DisableKeyCommand,
  EnableKeyCommand,
  EncryptCommand,
  GenerateDataKeyCommand,
  ListKeysCommand,
  ScheduleKeyDeletionCommand,
  type KMSClient,
} from '@aws-sdk/client-kms';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { messages } from '../errors.ts';
import { DAY_MS, TestClock } from '../test-support/clock.ts';
import { expectKmsError } from '../test-support/expect-kms-error.ts';
import { createKey, describe as describeKey } from '../test-support/import-flow.ts';
import { startSdkTarget, type SdkTarget } from '../test-support/sdk-target.ts';

const clock = new TestClock();
let target: SdkTarget;
let kms: KMSClient;

beforeAll(async () => {
  target = await startSdkTarget({ clock });
  kms = target.client();
});
afterAll(() => target.close());

describe('CreateKey', () => {
  it('an AWS_KMS key is Enabled and has a current material id from creation', async () => {
    const md = await createKey(kms, 'AWS_KMS');
    expect(md).toMatchObject({ KeyState: 'Enabled', Enabled: true, Origin: 'AWS_KMS', KeyManager: 'CUSTOMER', KeySpec: 'SYMMETRIC_DEFAULT', MultiRegion: false });
    expect(md.CurrentKeyMaterialId).toMatch(/^[0-9a-f]{64}$/);
    expect(md.CreationDate).toEqual(clock.now());
  });

  it('an EXTERNAL key is PendingImport with no material, expiration or deletion date', async () => {
    const md = await createKey(kms, 'EXTERNAL');
    expect(md).toMatchObject({ KeyState: 'PendingImport', Enabled: false, Origin: 'EXTERNAL' });
    for (const absent of ['CurrentKeyMaterialId', 'ExpirationModel', 'ValidTo', 'DeletionDate']) expect(md).not.toHaveProperty(absent);
    expect(await describeKey(kms, md.KeyId!)).toEqual(md);
  });

  it('SM2 outside the China Regions: ValidationException', async () => {
    await expectKmsError(kms.send(new CreateKeyCommand({ KeySpec: 'SM2', KeyUsage: 'SIGN_VERIFY' })), 'ValidationException');
  });
});

describe('enable, disable, delete', () => {
  it('DisableKey makes crypto fail with DisabledException "<ARN> is disabled."; EnableKey restores it', async () => {
    const key = await createKey(kms, 'AWS_KMS');
    await kms.send(new DisableKeyCommand({ KeyId: key.KeyId }));
    expect(await describeKey(kms, key.KeyId!)).toMatchObject({ KeyState: 'Disabled', Enabled: false });
    await expectKmsError(kms.send(new EncryptCommand({ KeyId: key.KeyId, Plaintext: Buffer.from('x') })), 'DisabledException', `${key.Arn} is disabled.`);
    await kms.send(new EnableKeyCommand({ KeyId: key.KeyId }));
    await expect(kms.send(new EncryptCommand({ KeyId: key.KeyId, Plaintext: Buffer.from('x') }))).resolves.toMatchObject({ KeyId: key.Arn });
  });

  it('EnableKey and DisableKey on a PendingImport key: KMSInvalidStateException "<ARN> is pending import."', async () => {
    const key = await createKey(kms, 'EXTERNAL');
    await expectKmsError(kms.send(new EnableKeyCommand({ KeyId: key.KeyId })), 'KMSInvalidStateException', messages.pendingImport(key.Arn!));
    await expectKmsError(kms.send(new DisableKeyCommand({ KeyId: key.KeyId })), 'KMSInvalidStateException', messages.pendingImport(key.Arn!));
  });

  it('ScheduleKeyDeletion: PendingDeletion with DeletionDate = now + window; crypto refused', async () => {
    const key = await createKey(kms, 'AWS_KMS');
    const out = await kms.send(new ScheduleKeyDeletionCommand({ KeyId: key.KeyId, PendingWindowInDays: 7 }));
    const expected = new Date(clock.now().getTime() + 7 * DAY_MS);
    expect(out).toMatchObject({ KeyId: key.Arn, KeyState: 'PendingDeletion', PendingWindowInDays: 7, DeletionDate: expected });
    expect(await describeKey(kms, key.KeyId!)).toMatchObject({ KeyState: 'PendingDeletion', Enabled: false, DeletionDate: expected });
    await expectKmsError(kms.send(new GenerateDataKeyCommand({ KeyId: key.KeyId, KeySpec: 'AES_256' })), 'KMSInvalidStateException', `${key.Arn} is pending deletion.`);
    await expectKmsError(kms.send(new ScheduleKeyDeletionCommand({ KeyId: key.KeyId, PendingWindowInDays: 7 })), 'KMSInvalidStateException');
  });

  it.each([6, 31])('a PendingWindowInDays of %i: ValidationException, key unchanged', async (days) => {
    const key = await createKey(kms, 'AWS_KMS');
    await expectKmsError(kms.send(new ScheduleKeyDeletionCommand({ KeyId: key.KeyId, PendingWindowInDays: days })), 'ValidationException');
    expect((await describeKey(kms, key.KeyId!)).KeyState).toBe('Enabled');
  });

  it('CancelKeyDeletion leaves an AWS_KMS key Disabled without a DeletionDate', async () => {
    const key = await createKey(kms, 'AWS_KMS');
    await kms.send(new ScheduleKeyDeletionCommand({ KeyId: key.KeyId }));
    const out = await kms.send(new CancelKeyDeletionCommand({ KeyId: key.KeyId }));
    expect(out.KeyId).toBe(key.Arn);
    const md = await describeKey(kms, key.KeyId!);
    expect(md).toMatchObject({ KeyState: 'Disabled', Enabled: false });
    expect(md).not.toHaveProperty('DeletionDate');
  });

  it('CancelKeyDeletion on a key not pending deletion: KMSInvalidStateException "<ARN> is not pending deletion."', async () => {
    const key = await createKey(kms, 'AWS_KMS');
    await expectKmsError(kms.send(new CancelKeyDeletionCommand({ KeyId: key.KeyId })), 'KMSInvalidStateException', `${key.Arn} is not pending deletion.`);
  });
});

describe('ListKeys paging', () => {
  // A region of its own, so the listing holds exactly the keys made here.
  let regional: KMSClient;
  const made: string[] = [];

  beforeAll(async () => {
    regional = target.client({ region: 'sa-east-1' });
    for (let i = 0; i < 5; i++) made.push((await regional.send(new CreateKeyCommand({}))).KeyMetadata!.KeyId!);
  });

  it('Limit 2 walks the five keys in three pages; only the last is not Truncated', async () => {
    const first = await regional.send(new ListKeysCommand({ Limit: 2 }));
    expect(first.Keys).toHaveLength(2);
    expect(first.Truncated).toBe(true);
    expect(first.NextMarker).toEqual(expect.any(String));

    const second = await regional.send(new ListKeysCommand({ Limit: 2, Marker: first.NextMarker }));
    expect(second.Keys).toHaveLength(2);
    expect(second.Truncated).toBe(true);

    const third = await regional.send(new ListKeysCommand({ Limit: 2, Marker: second.NextMarker }));
    expect(third.Keys).toHaveLength(1);
    expect(third.Truncated).toBe(false);
    expect(third.NextMarker).toBeUndefined();

    const seen = [...first.Keys!, ...second.Keys!, ...third.Keys!];
    expect(seen.map((k) => k.KeyId).sort()).toEqual([...made].sort());
    for (const k of seen) expect(k.KeyArn).toBe(`arn:aws:kms:sa-east-1:111111111111:key/${k.KeyId}`);
  });

  it('without Limit every key fits in one page', async () => {
    const all = await regional.send(new ListKeysCommand({}));
    expect(all.Keys).toHaveLength(5);
    expect(all.Truncated).toBe(false);
    expect(all).not.toHaveProperty('NextMarker');
  });

  it('a garbage Marker: InvalidMarkerException', async () => {
    await expectKmsError(regional.send(new ListKeysCommand({ Marker: 'garbage' })), 'InvalidMarkerException');
  });

  it('Limit 0: ValidationException', async () => {
    await expectKmsError(regional.send(new ListKeysCommand({ Limit: 0 })), 'ValidationException');
  });
});
