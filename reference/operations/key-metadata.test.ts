/**
 * Tags with AWS's limits and recorded TagException texts, UpdateAlias, UpdateKeyDescription and
 * GetKeyLastUsage in the reference (key-management §4–§5).
 */
import {
  CreateAliasCommand,
  CreateKeyCommand,
  DecryptCommand,
  DescribeKeyCommand,
  EncryptCommand,
  GetKeyLastUsageCommand,
  ListAliasesCommand,
  ListResourceTagsCommand,
  ReEncryptCommand,
  TagResourceCommand,
  UpdateAliasCommand,
  UpdateKeyDescriptionCommand,
  type KMSClient,
} from '@aws-sdk/client-kms';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestClock } from '../test-support/clock.ts';
import { expectKmsError } from '../test-support/expect-kms-error.ts';
import { createKey } from '../test-support/import-flow.ts';
import { startSdkTarget, type SdkTarget } from '../test-support/sdk-target.ts';

const clock = new TestClock();
let target: SdkTarget;
let kms: KMSClient;
beforeAll(async () => {
  target = await startSdkTarget({ clock });
  kms = target.client();
});
afterAll(() => target.close());

const tags = (n: number, prefix = 'k') => Array.from({ length: n }, (_, i) => ({ TagKey: `${prefix}${i}`, TagValue: `v${i}` }));

describe('tags', () => {
  it('duplicate keys, the aws: prefix in any case, and a 51st tag are the recorded TagExceptions', async () => {
    const key = await createKey(kms, 'AWS_KMS');
    await expectKmsError(kms.send(new TagResourceCommand({ KeyId: key.KeyId, Tags: [{ TagKey: 't', TagValue: '1' }, { TagKey: 't', TagValue: '2' }] })), 'TagException', 'Duplicate tag keys');
    for (const TagKey of ['aws:key1', 'AWS:key1']) {
      await expectKmsError(kms.send(new TagResourceCommand({ KeyId: key.KeyId, Tags: [{ TagKey, TagValue: 'x' }] })), 'TagException', 'Tags beginning with aws: are reserved');
    }
    await expectKmsError(kms.send(new CreateKeyCommand({ Tags: tags(51) })), 'TagException', 'Too many tags');
    await kms.send(new TagResourceCommand({ KeyId: key.KeyId, Tags: tags(50) }));
    await expectKmsError(kms.send(new TagResourceCommand({ KeyId: key.KeyId, Tags: tags(1, 'extra') })), 'TagException', 'Too many tags');
    // Replacing values of keys already there does not count again.
    await kms.send(new TagResourceCommand({ KeyId: key.KeyId, Tags: tags(3).map((t) => ({ ...t, TagValue: 'new' })) }));
    const listed = await kms.send(new ListResourceTagsCommand({ KeyId: key.KeyId }));
    expect(listed.Tags).toHaveLength(50);
    expect(listed.Tags?.find((t) => t.TagKey === 'k0')?.TagValue).toBe('new');
  });
});

describe('UpdateAlias and UpdateKeyDescription', () => {
  it('moves an alias to another key of the same type and usage, and refuses another type', async () => {
    const [a, b] = [await createKey(kms, 'AWS_KMS'), await createKey(kms, 'AWS_KMS')];
    await kms.send(new CreateAliasCommand({ AliasName: 'alias/moving', TargetKeyId: a.KeyId }));
    clock.advance(1000);
    await kms.send(new UpdateAliasCommand({ AliasName: 'alias/moving', TargetKeyId: b.KeyId }));
    const [entry] = (await kms.send(new ListAliasesCommand({ KeyId: b.KeyId }))).Aliases!;
    expect(entry).toMatchObject({ AliasName: 'alias/moving', TargetKeyId: b.KeyId });
    expect(entry!.LastUpdatedDate!.getTime()).toBeGreaterThan(entry!.CreationDate!.getTime());
    const hmac = (await kms.send(new CreateKeyCommand({ KeySpec: 'HMAC_256', KeyUsage: 'GENERATE_VERIFY_MAC' }))).KeyMetadata!;
    await expectKmsError(kms.send(new UpdateAliasCommand({ AliasName: 'alias/moving', TargetKeyId: hmac.KeyId })), 'ValidationException');
    await expectKmsError(kms.send(new UpdateAliasCommand({ AliasName: 'alias/nowhere', TargetKeyId: b.KeyId })), 'NotFoundException');
  });

  it('UpdateKeyDescription replaces the description', async () => {
    const key = await createKey(kms, 'AWS_KMS');
    await kms.send(new UpdateKeyDescriptionCommand({ KeyId: key.KeyId, Description: 'new words' }));
    expect((await kms.send(new DescribeKeyCommand({ KeyId: key.KeyId }))).KeyMetadata?.Description).toBe('new words');
  });
});

describe('GetKeyLastUsage', () => {
  it('is empty for an unused key; records the last successful tracked operation on each key it used', async () => {
    const [a, b] = [await createKey(kms, 'AWS_KMS'), await createKey(kms, 'AWS_KMS')];
    const fresh = await kms.send(new GetKeyLastUsageCommand({ KeyId: a.KeyId }));
    expect(fresh).toMatchObject({ KeyId: a.Arn, KeyLastUsage: {}, TrackingStartDate: a.CreationDate, KeyCreationDate: a.CreationDate });
    const { CiphertextBlob } = await kms.send(new EncryptCommand({ KeyId: a.KeyId, Plaintext: Buffer.from('x') }));
    expect((await kms.send(new GetKeyLastUsageCommand({ KeyId: a.KeyId }))).KeyLastUsage).toMatchObject({ Operation: 'Encrypt', Timestamp: clock.now() });
    await kms.send(new ReEncryptCommand({ CiphertextBlob, DestinationKeyId: b.KeyId }));
    for (const k of [a, b]) expect((await kms.send(new GetKeyLastUsageCommand({ KeyId: k.KeyId }))).KeyLastUsage?.Operation).toBe('ReEncrypt');
    // A failed call records nothing; DescribeKey is not tracked.
    await expectKmsError(kms.send(new DecryptCommand({ CiphertextBlob: Buffer.from('nothing'), KeyId: a.KeyId })), 'InvalidCiphertextException');
    await kms.send(new DescribeKeyCommand({ KeyId: a.KeyId }));
    const last = await kms.send(new GetKeyLastUsageCommand({ KeyId: a.KeyId }));
    expect(last.KeyLastUsage?.Operation).toBe('ReEncrypt');
    expect(last.KeyLastUsage?.KmsRequestId).toMatch(/^[0-9a-f-]{36}$/);
  });
});
