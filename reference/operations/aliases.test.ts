/**
 * CreateAlias, DeleteAlias and ListAliases: uniqueness per account and region, paging, and the
 * reserved `alias/aws/` prefix.
 */
import { CreateAliasCommand, DeleteAliasCommand, ListAliasesCommand, ScheduleKeyDeletionCommand, type KMSClient } from '@aws-sdk/client-kms';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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

const createAlias = (AliasName: string, TargetKeyId: string, client = kms) => client.send(new CreateAliasCommand({ AliasName, TargetKeyId }));

describe('CreateAlias and DeleteAlias', () => {
  it('a second alias of the same name: AlreadyExistsException; the first still points at its key', async () => {
    const first = await createKey(kms, 'AWS_KMS');
    const second = await createKey(kms, 'AWS_KMS');
    await createAlias('alias/duplicate', first.KeyId!);
    await expectKmsError(createAlias('alias/duplicate', second.KeyId!), 'AlreadyExistsException');
    expect((await describeKey(kms, 'alias/duplicate')).KeyId).toBe(first.KeyId);
  });

  it('the same alias name in another region is a different alias', async () => {
    const west = target.client({ region: 'eu-west-3' });
    const here = await createKey(kms, 'AWS_KMS');
    const there = await createKey(west, 'AWS_KMS');
    await createAlias('alias/per-region', here.KeyId!);
    await createAlias('alias/per-region', there.KeyId!, west);
    expect((await describeKey(west, 'alias/per-region')).KeyId).toBe(there.KeyId);
  });

  it('DeleteAlias removes the alias; the key remains', async () => {
    const key = await createKey(kms, 'AWS_KMS');
    await createAlias('alias/short-lived', key.KeyId!);
    await kms.send(new DeleteAliasCommand({ AliasName: 'alias/short-lived' }));
    await expectKmsError(describeKey(kms, 'alias/short-lived'), 'NotFoundException');
    expect((await describeKey(kms, key.KeyId!)).KeyState).toBe('Enabled');
  });

  it('DeleteAlias of an unknown alias: NotFoundException', async () => {
    await expectKmsError(kms.send(new DeleteAliasCommand({ AliasName: 'alias/never-created' })), 'NotFoundException');
  });

  it('a name without the alias/ prefix: ValidationException', async () => {
    const key = await createKey(kms, 'AWS_KMS');
    await expectKmsError(createAlias('no-prefix', key.KeyId!), 'ValidationException');
  });

  it('the reserved alias/aws/ prefix: NotAuthorizedException', async () => {
    const key = await createKey(kms, 'AWS_KMS');
    await expectKmsError(createAlias('alias/aws/mine', key.KeyId!), 'NotAuthorizedException');
  });

  it('an alias for a key that does not exist: NotFoundException', async () => {
    await expectKmsError(createAlias('alias/orphan', '0b7e1a3c-5d2f-4e6a-9b8c-7d6e5f4a3b2c'), 'NotFoundException');
  });
});

describe('ListAliases paging', () => {
  let regional: KMSClient;
  let keyId: string;

  beforeAll(async () => {
    regional = target.client({ region: 'ca-central-1' });
    keyId = (await createKey(regional, 'AWS_KMS')).KeyId!;
    const other = (await createKey(regional, 'AWS_KMS')).KeyId!;
    for (const name of ['alias/a', 'alias/b', 'alias/c']) await createAlias(name, keyId, regional);
    await createAlias('alias/other', other, regional);
  });

  it('Limit 2 walks the four aliases in two pages', async () => {
    const first = await regional.send(new ListAliasesCommand({ Limit: 2 }));
    expect(first.Aliases).toHaveLength(2);
    expect(first.Truncated).toBe(true);
    const second = await regional.send(new ListAliasesCommand({ Limit: 2, Marker: first.NextMarker }));
    expect(second.Aliases).toHaveLength(2);
    expect(second.Truncated).toBe(false);
    expect(second.NextMarker).toBeUndefined();
    const names = [...first.Aliases!, ...second.Aliases!].map((a) => a.AliasName).sort();
    expect(names).toEqual(['alias/a', 'alias/b', 'alias/c', 'alias/other']);
  });

  it('entries carry the alias ARN of the caller region and the target key id', async () => {
    const all = await regional.send(new ListAliasesCommand({ KeyId: keyId }));
    expect(all.Aliases?.map((a) => a.AliasName).sort()).toEqual(['alias/a', 'alias/b', 'alias/c']);
    for (const a of all.Aliases!) {
      expect(a.AliasArn).toBe(`arn:aws:kms:ca-central-1:111111111111:${a.AliasName}`);
      expect(a.TargetKeyId).toBe(keyId);
    }
  });

  it('a garbage Marker: InvalidMarkerException', async () => {
    await expectKmsError(regional.send(new ListAliasesCommand({ Marker: 'not-a-marker' })), 'InvalidMarkerException');
  });
});

describe('aliases of a deleted key', () => {
  // "After the waiting period ends, KMS deletes the KMS key … including all aliases that refer to it."
  it('disappear when the deletion window ends; the name can be used again', async () => {
    const regional = target.client({ region: 'ap-northeast-3' });
    const doomed = await createKey(regional, 'AWS_KMS');
    await createAlias('alias/doomed', doomed.KeyId!, regional);
    await regional.send(new ScheduleKeyDeletionCommand({ KeyId: doomed.KeyId, PendingWindowInDays: 7 }));
    clock.advance(8 * DAY_MS);

    const listed = await regional.send(new ListAliasesCommand({}));
    expect(listed.Aliases?.map((a) => a.AliasName)).not.toContain('alias/doomed');
    const successor = await createKey(regional, 'AWS_KMS');
    await createAlias('alias/doomed', successor.KeyId!, regional);
    expect((await describeKey(regional, 'alias/doomed')).KeyId).toBe(successor.KeyId);
  });
});
