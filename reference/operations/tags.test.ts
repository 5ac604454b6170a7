/**
 * TagResource, UntagResource, ListResourceTags, and tags given to CreateKey.
 */
import { CreateKeyCommand, ListResourceTagsCommand, ScheduleKeyDeletionCommand, TagResourceCommand, UntagResourceCommand, type KMSClient } from '@aws-sdk/client-kms';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectKmsError } from '../test-support/expect-kms-error.ts';
import { createKey } from '../test-support/import-flow.ts';
import { startSdkTarget, type SdkTarget } from '../test-support/sdk-target.ts';

let target: SdkTarget;
let kms: KMSClient;

beforeAll(async () => {
  target = await startSdkTarget();
  kms = target.client();
});
afterAll(() => target.close());

const tagsOf = async (KeyId: string) => (await kms.send(new ListResourceTagsCommand({ KeyId }))).Tags;

describe('tag round trip', () => {
  it('TagResource adds and overwrites; UntagResource removes; ListResourceTags shows the result', async () => {
    const key = await createKey(kms, 'AWS_KMS');
    expect(await tagsOf(key.KeyId!)).toEqual([]);
    await kms.send(new TagResourceCommand({ KeyId: key.KeyId, Tags: [{ TagKey: 'team', TagValue: 'a' }, { TagKey: 'env', TagValue: 'test' }] }));
    await kms.send(new TagResourceCommand({ KeyId: key.Arn, Tags: [{ TagKey: 'team', TagValue: 'b' }] }));
    expect(await tagsOf(key.KeyId!)).toEqual([{ TagKey: 'team', TagValue: 'b' }, { TagKey: 'env', TagValue: 'test' }]);

    await kms.send(new UntagResourceCommand({ KeyId: key.KeyId, TagKeys: ['team', 'absent'] }));
    expect(await tagsOf(key.KeyId!)).toEqual([{ TagKey: 'env', TagValue: 'test' }]);
  });

  it('tags given to CreateKey are listed', async () => {
    const created = await kms.send(new CreateKeyCommand({ Tags: [{ TagKey: 'origin', TagValue: 'create' }] }));
    expect(await tagsOf(created.KeyMetadata!.KeyId!)).toEqual([{ TagKey: 'origin', TagValue: 'create' }]);
  });

  it('an empty tag value is allowed', async () => {
    const key = await createKey(kms, 'AWS_KMS');
    await kms.send(new TagResourceCommand({ KeyId: key.KeyId, Tags: [{ TagKey: 'flag', TagValue: '' }] }));
    expect(await tagsOf(key.KeyId!)).toEqual([{ TagKey: 'flag', TagValue: '' }]);
  });
});

describe('refusals', () => {
  it('a tag key beginning with aws: on TagResource: TagException, nothing added', async () => {
    const key = await createKey(kms, 'AWS_KMS');
    const tags = [{ TagKey: 'fine', TagValue: '1' }, { TagKey: 'aws:reserved', TagValue: '2' }];
    await expectKmsError(kms.send(new TagResourceCommand({ KeyId: key.KeyId, Tags: tags })), 'TagException');
    expect(await tagsOf(key.KeyId!)).toEqual([]);
  });

  it('a tag key beginning with aws: on CreateKey: TagException', async () => {
    await expectKmsError(kms.send(new CreateKeyCommand({ Tags: [{ TagKey: 'aws:x', TagValue: 'y' }] })), 'TagException');
  });

  it('TagResource on a key pending deletion: KMSInvalidStateException', async () => {
    const key = await createKey(kms, 'AWS_KMS');
    await kms.send(new ScheduleKeyDeletionCommand({ KeyId: key.KeyId }));
    await expectKmsError(kms.send(new TagResourceCommand({ KeyId: key.KeyId, Tags: [{ TagKey: 'a', TagValue: 'b' }] })), 'KMSInvalidStateException');
    // Listing is allowed in every state.
    expect(await tagsOf(key.KeyId!)).toEqual([]);
  });
});

describe('ListResourceTags paging', () => {
  it('Limit 2 over three tags: two pages, then InvalidMarkerException for a garbage marker', async () => {
    const key = await createKey(kms, 'AWS_KMS');
    const tags = ['a', 'b', 'c'].map((k) => ({ TagKey: k, TagValue: k.toUpperCase() }));
    await kms.send(new TagResourceCommand({ KeyId: key.KeyId, Tags: tags }));

    const first = await kms.send(new ListResourceTagsCommand({ KeyId: key.KeyId, Limit: 2 }));
    expect(first.Tags).toEqual(tags.slice(0, 2));
    expect(first.Truncated).toBe(true);
    const second = await kms.send(new ListResourceTagsCommand({ KeyId: key.KeyId, Limit: 2, Marker: first.NextMarker }));
    expect(second.Tags).toEqual(tags.slice(2));
    expect(second.Truncated).toBe(false);
    expect(second.NextMarker).toBeUndefined();

    await expectKmsError(kms.send(new ListResourceTagsCommand({ KeyId: key.KeyId, Marker: 'garbage' })), 'InvalidMarkerException');
  });
});
