/**
 * Multi-Region keys in the reference (key-management §6): mrk- ids, ReplicateKey with its
 * transient Creating state, shared material and rotation, UpdatePrimaryRegion, and the deletion
 * rules for a primary that has replicas. Time is the test clock's.
 */
import {
  CancelKeyDeletionCommand,
  CreateKeyCommand,
  DecryptCommand,
  DescribeKeyCommand,
  DisableKeyCommand,
  EnableKeyRotationCommand,
  EncryptCommand,
  GetKeyRotationStatusCommand,
  ReplicateKeyCommand,
  RotateKeyOnDemandCommand,
  ScheduleKeyDeletionCommand,
  UpdatePrimaryRegionCommand,
  type KMSClient,
} from '@aws-sdk/client-kms';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { messages } from '../errors.ts';
import { PRIMARY_UPDATE_MS, REPLICA_CREATION_MS } from '../model/multi-region.ts';
import { DAY_MS, TestClock } from '../test-support/clock.ts';
import { expectKmsError } from '../test-support/expect-kms-error.ts';
import { describe as describeKey, importMaterial, newMaterial } from '../test-support/import-flow.ts';
import { startSdkTarget, type SdkTarget } from '../test-support/sdk-target.ts';

const clock = new TestClock();
let target: SdkTarget;
let east: KMSClient;
let west: KMSClient;
let tokyo: KMSClient;
beforeAll(async () => {
  target = await startSdkTarget({ clock });
  east = target.client();
  west = target.client({ region: 'us-west-2' });
  tokyo = target.client({ region: 'ap-northeast-1' });
});
afterAll(() => target.close());

const mrk = async (origin: 'AWS_KMS' | 'EXTERNAL' = 'AWS_KMS') => (await east.send(new CreateKeyCommand({ MultiRegion: true, Origin: origin }))).KeyMetadata!;
const replicate = async (KeyId: string, region = 'us-west-2') => {
  const out = await east.send(new ReplicateKeyCommand({ KeyId, ReplicaRegion: region }));
  clock.advance(REPLICA_CREATION_MS);
  return out;
};

describe('CreateKey MultiRegion', () => {
  it('makes an mrk- key that is its own primary with no replicas; single-Region keys have no configuration', async () => {
    const key = await mrk();
    expect(key.KeyId).toMatch(/^mrk-[0-9a-f]{32}$/);
    expect(key).toMatchObject({ MultiRegion: true, MultiRegionConfiguration: { MultiRegionKeyType: 'PRIMARY', PrimaryKey: { Arn: key.Arn, Region: 'us-east-1' }, ReplicaKeys: [] } });
    const single = (await east.send(new CreateKeyCommand({}))).KeyMetadata!;
    expect(single.MultiRegion).toBe(false);
    expect(single).not.toHaveProperty('MultiRegionConfiguration');
  });
});

describe('ReplicateKey', () => {
  it('answers a Creating replica with the default policy and no tags, which becomes Enabled with the primary material', async () => {
    const key = await mrk();
    await expectKmsError(west.send(new DescribeKeyCommand({ KeyId: key.KeyId })), 'NotFoundException', messages.keyDoesNotExist(key.Arn!.replace('us-east-1', 'us-west-2')));
    const out = await east.send(new ReplicateKeyCommand({ KeyId: key.KeyId, ReplicaRegion: 'us-west-2' }));
    const replicaArn = key.Arn!.replace('us-east-1', 'us-west-2');
    expect(out.ReplicaKeyMetadata).toMatchObject({ Arn: replicaArn, KeyId: key.KeyId, KeyState: 'Creating', Enabled: false, Description: '', MultiRegionConfiguration: { MultiRegionKeyType: 'REPLICA', PrimaryKey: { Arn: key.Arn }, ReplicaKeys: [{ Arn: replicaArn, Region: 'us-west-2' }] } });
    expect(out.ReplicaKeyMetadata).not.toHaveProperty('CurrentKeyMaterialId');
    expect(out).not.toHaveProperty('ReplicaTags');
    expect(JSON.parse(out.ReplicaPolicy!).Statement[0].Sid).toBe('Enable IAM User Permissions');
    await expectKmsError(west.send(new EncryptCommand({ KeyId: key.KeyId, Plaintext: Buffer.from('x') })), 'KMSInvalidStateException', messages.creating(replicaArn));
    expect((await describeKey(east, key.KeyId!)).MultiRegionConfiguration?.ReplicaKeys).toEqual([{ Arn: replicaArn, Region: 'us-west-2' }]);
    clock.advance(REPLICA_CREATION_MS);
    const replica = await describeKey(west, key.KeyId!);
    expect(replica).toMatchObject({ KeyState: 'Enabled', Enabled: true, CurrentKeyMaterialId: key.CurrentKeyMaterialId });
  });

  it('shares material: ciphertext of either Region decrypts in the other, also after a rotation of the primary', async () => {
    const key = await mrk();
    await replicate(key.KeyId!);
    const fromEast = (await east.send(new EncryptCommand({ KeyId: key.KeyId, Plaintext: Buffer.from('east') }))).CiphertextBlob!;
    expect(Buffer.from((await west.send(new DecryptCommand({ CiphertextBlob: fromEast }))).Plaintext!).toString()).toBe('east');
    await east.send(new RotateKeyOnDemandCommand({ KeyId: key.KeyId }));
    const rotated = await describeKey(east, key.KeyId!);
    expect((await describeKey(west, key.KeyId!)).CurrentKeyMaterialId).toBe(rotated.CurrentKeyMaterialId);
    const fromWest = (await west.send(new EncryptCommand({ KeyId: key.KeyId, Plaintext: Buffer.from('west') }))).CiphertextBlob!;
    expect(Buffer.from((await east.send(new DecryptCommand({ CiphertextBlob: fromWest }))).Plaintext!).toString()).toBe('west');
  });

  it('refuses a replica, a single-Region key, a Region that has a replica, and a disabled primary', async () => {
    const key = await mrk();
    await replicate(key.KeyId!);
    const replicaArn = key.Arn!.replace('us-east-1', 'us-west-2');
    await expectKmsError(west.send(new ReplicateKeyCommand({ KeyId: key.KeyId, ReplicaRegion: 'ap-northeast-1' })), 'UnsupportedOperationException', messages.notMultiRegionPrimary(replicaArn));
    const single = (await east.send(new CreateKeyCommand({}))).KeyMetadata!;
    await expectKmsError(east.send(new ReplicateKeyCommand({ KeyId: single.KeyId, ReplicaRegion: 'us-west-2' })), 'UnsupportedOperationException', messages.notMultiRegionPrimary(single.Arn!));
    await expectKmsError(east.send(new ReplicateKeyCommand({ KeyId: key.KeyId, ReplicaRegion: 'us-west-2' })), 'AlreadyExistsException');
    await expectKmsError(east.send(new ReplicateKeyCommand({ KeyId: key.KeyId, ReplicaRegion: 'us-east-1' })), 'AlreadyExistsException');
    await east.send(new DisableKeyCommand({ KeyId: key.KeyId }));
    await expectKmsError(east.send(new ReplicateKeyCommand({ KeyId: key.KeyId, ReplicaRegion: 'ap-northeast-1' })), 'DisabledException', messages.disabled(key.Arn!));
  });

  it('leaves a replica of imported material PendingImport until the primary material is imported there', async () => {
    const key = await mrk('EXTERNAL');
    const material = newMaterial();
    await importMaterial(east, key.KeyId!, material);
    await replicate(key.KeyId!);
    expect((await describeKey(west, key.KeyId!)).KeyState).toBe('PendingImport');
    await expectKmsError(importMaterial(west, key.KeyId!, newMaterial()), 'IncorrectKeyMaterialException');
    await importMaterial(west, key.KeyId!, material, { request: { ImportType: 'EXISTING_KEY_MATERIAL' } });
    const replica = await describeKey(west, key.KeyId!);
    expect(replica.KeyState).toBe('Enabled');
    expect(replica.CurrentKeyMaterialId).toBe((await describeKey(east, key.KeyId!)).CurrentKeyMaterialId);
  });

  it('keeps rotation with the primary: replicas report its setting and refuse to change it', async () => {
    const key = await mrk();
    await replicate(key.KeyId!);
    await east.send(new EnableKeyRotationCommand({ KeyId: key.KeyId, RotationPeriodInDays: 100 }));
    expect(await west.send(new GetKeyRotationStatusCommand({ KeyId: key.KeyId }))).toMatchObject({ KeyRotationEnabled: true, RotationPeriodInDays: 100 });
    await expectKmsError(west.send(new EnableKeyRotationCommand({ KeyId: key.KeyId })), 'UnsupportedOperationException');
    await expectKmsError(west.send(new RotateKeyOnDemandCommand({ KeyId: key.KeyId })), 'UnsupportedOperationException');
  });
});

describe('UpdatePrimaryRegion', () => {
  it('swaps primary and replica after both are Updating for a moment; rotation moves with the primary', async () => {
    const key = await mrk();
    await replicate(key.KeyId!);
    await east.send(new EnableKeyRotationCommand({ KeyId: key.KeyId }));
    await east.send(new UpdatePrimaryRegionCommand({ KeyId: key.KeyId, PrimaryRegion: 'us-west-2' }));
    expect((await describeKey(east, key.KeyId!)).KeyState).toBe('Updating');
    await expectKmsError(east.send(new DisableKeyCommand({ KeyId: key.KeyId })), 'KMSInvalidStateException', messages.updating(key.Arn!));
    await east.send(new EncryptCommand({ KeyId: key.KeyId, Plaintext: Buffer.from('still works') }));
    clock.advance(PRIMARY_UPDATE_MS);
    const old = await describeKey(east, key.KeyId!);
    const now = await describeKey(west, key.KeyId!);
    expect(old).toMatchObject({ KeyState: 'Enabled', MultiRegionConfiguration: { MultiRegionKeyType: 'REPLICA', PrimaryKey: { Region: 'us-west-2' } } });
    expect(now.MultiRegionConfiguration?.MultiRegionKeyType).toBe('PRIMARY');
    expect((await west.send(new GetKeyRotationStatusCommand({ KeyId: key.KeyId }))).KeyRotationEnabled).toBe(true);
    await expectKmsError(east.send(new UpdatePrimaryRegionCommand({ KeyId: key.KeyId, PrimaryRegion: 'us-east-1' })), 'UnsupportedOperationException');
    await expectKmsError(west.send(new UpdatePrimaryRegionCommand({ KeyId: key.KeyId, PrimaryRegion: 'ap-northeast-1' })), 'NotFoundException');
  });
});

describe('deleting a primary that has replicas', () => {
  it('is PendingReplicaDeletion without a date until the last replica is deleted, then PendingDeletion for its own window', async () => {
    const key = await mrk();
    await replicate(key.KeyId!, 'us-west-2');
    await replicate(key.KeyId!, 'ap-northeast-1');
    const scheduled = await east.send(new ScheduleKeyDeletionCommand({ KeyId: key.KeyId, PendingWindowInDays: 7 }));
    expect(scheduled).toMatchObject({ KeyId: key.Arn, KeyState: 'PendingReplicaDeletion', PendingWindowInDays: 7 });
    expect(scheduled).not.toHaveProperty('DeletionDate');
    expect(await describeKey(east, key.KeyId!)).toMatchObject({ KeyState: 'PendingReplicaDeletion', PendingDeletionWindowInDays: 7, Enabled: false });
    await expectKmsError(east.send(new EncryptCommand({ KeyId: key.KeyId, Plaintext: Buffer.from('x') })), 'KMSInvalidStateException');
    await west.send(new ScheduleKeyDeletionCommand({ KeyId: key.KeyId, PendingWindowInDays: 7 }));
    await tokyo.send(new ScheduleKeyDeletionCommand({ KeyId: key.KeyId, PendingWindowInDays: 10 }));
    clock.advance(8 * DAY_MS);
    expect((await describeKey(east, key.KeyId!)).KeyState).toBe('PendingReplicaDeletion');
    clock.advance(2 * DAY_MS);
    const tokyoGone = clock.now();
    const primary = await describeKey(east, key.KeyId!);
    expect(primary.KeyState).toBe('PendingDeletion');
    expect(primary.DeletionDate!.getTime()).toBeLessThanOrEqual(tokyoGone.getTime() + 7 * DAY_MS);
    await expectKmsError(tokyo.send(new DescribeKeyCommand({ KeyId: key.KeyId })), 'NotFoundException');
    clock.advance(7 * DAY_MS);
    await expectKmsError(east.send(new DescribeKeyCommand({ KeyId: key.KeyId })), 'NotFoundException');
  });

  it('can be cancelled from PendingReplicaDeletion, leaving the primary Disabled', async () => {
    const key = await mrk();
    await replicate(key.KeyId!);
    await east.send(new ScheduleKeyDeletionCommand({ KeyId: key.KeyId, PendingWindowInDays: 7 }));
    await east.send(new CancelKeyDeletionCommand({ KeyId: key.KeyId }));
    const md = await describeKey(east, key.KeyId!);
    expect(md.KeyState).toBe('Disabled');
    expect(md).not.toHaveProperty('PendingDeletionWindowInDays');
  });
});
