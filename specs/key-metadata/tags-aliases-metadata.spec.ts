/**
 * Tags, aliases, descriptions, last usage and ListKeys (key-management ground truth §4, §5,
 * requirements MGT-081…MGT-119).
 * @see https://docs.aws.amazon.com/kms/latest/developerguide/tagging-keys.html
 * @see https://docs.aws.amazon.com/kms/latest/developerguide/kms-alias.html
 */
import {
  CreateAliasCommand,
  CreateKeyCommand,
  DeleteAliasCommand,
  DescribeKeyCommand,
  EncryptCommand,
  GetKeyLastUsageCommand,
  ListAliasesCommand,
  ListKeysCommand,
  ListResourceTagsCommand,
  ScheduleKeyDeletionCommand,
  TagResourceCommand,
  UntagResourceCommand,
  UpdateAliasCommand,
  UpdateKeyDescriptionCommand,
  type KMSClient,
  type Tag,
} from '@aws-sdk/client-kms';
import { expect } from 'vitest';
import { createKeyOf, createKmsKey, describeKey, eventually } from '#harness/kms/index.ts';
import { answerOf, apiRef, DEV_GUIDE, expectKmsError, members, recorded, requirement, type SpecContext } from '#harness/spec/index.ts';

/** User tags only: the suite's own run tag (kms-conformance:run-id) is left out of comparisons. */
const userTags = async (c: KMSClient, KeyId: string): Promise<Tag[]> =>
  ((await c.send(new ListResourceTagsCommand({ KeyId }))).Tags ?? []).filter((t) => !t.TagKey?.startsWith('kms-conformance:')).sort((a, b) => (a.TagKey! < b.TagKey! ? -1 : 1));
const tag = (k: string, v: string): Tag => ({ TagKey: k, TagValue: v });
const key = (kms: SpecContext, label: string) => createKmsKey(kms.primary, label);

requirement(
  {
    id: 'TAG-01',
    statement: 'TagResource adds tags that ListResourceTags lists; untagging some leaves the others, untagging all leaves none',
    operation: 'TagResource',
    source: recorded('TestKMS::test_tag_existing_key_and_untag, test_untag_key_partially', 'list-resource-tags', 'recorded 2025-01-10', 'MGT-104'),
    evidence: 'recorded',
    strength: 'must',
  },
  async (kms) => {
    const k = await key(kms, 'TAG-01');
    await kms.primary.send(new TagResourceCommand({ KeyId: k.KeyId, Tags: [tag('tag1', 'value1'), tag('tag2', 'value2'), tag('tag3', 'value3')] }));
    expect(await userTags(kms.primary, k.KeyId!)).toEqual([tag('tag1', 'value1'), tag('tag2', 'value2'), tag('tag3', 'value3')]);
    await kms.primary.send(new UntagResourceCommand({ KeyId: k.KeyId, TagKeys: ['tag2'] }));
    expect(await userTags(kms.primary, k.KeyId!), 'after untagging tag2').toEqual([tag('tag1', 'value1'), tag('tag3', 'value3')]);
    await kms.primary.send(new UntagResourceCommand({ KeyId: k.KeyId, TagKeys: ['tag1', 'tag3'] }));
    expect(await userTags(kms.primary, k.KeyId!), 'after untagging all').toEqual([]);
  },
);

requirement(
  {
    id: 'TAG-02',
    statement: 'TagResource with a TagKey the key already has replaces its value, keeps the other tags and adds the new ones',
    operation: 'TagResource',
    source: recorded('TestKMS::test_update_and_add_tags_on_tagged_key', undefined, 'recorded 2025-01-17', 'MGT-105'),
    evidence: 'recorded',
    strength: 'must',
  },
  async (kms) => {
    const k = await key(kms, 'TAG-02');
    await kms.primary.send(new TagResourceCommand({ KeyId: k.KeyId, Tags: [tag('tag1', 'value1'), tag('tag2', 'value2')] }));
    await kms.primary.send(new TagResourceCommand({ KeyId: k.KeyId, Tags: [tag('tag2', 'updated_value2'), tag('tag3', 'value3')] }));
    expect(await userTags(kms.primary, k.KeyId!)).toEqual([tag('tag1', 'value1'), tag('tag2', 'updated_value2'), tag('tag3', 'value3')]);
  },
);

requirement(
  {
    id: 'TAG-03',
    statement: 'Two tags with one TagKey in a request answer TagException "Duplicate tag keys"',
    operation: 'TagResource',
    source: recorded('TestKMS::test_tag_key_with_duplicate_tag_keys_raises_error', undefined, 'recorded 2025-01-17', 'MGT-106'),
    evidence: 'recorded',
    strength: 'must',
  },
  async (kms) => {
    const k = await key(kms, 'TAG-03');
    const e = await expectKmsError(kms.primary.send(new TagResourceCommand({ KeyId: k.KeyId, Tags: [tag('tag1', 'a'), tag('tag1', 'b')] })), 'TagException', 400);
    expect(e.message).toBe('Duplicate tag keys');
  },
);

requirement(
  {
    id: 'TAG-04',
    statement: 'CreateKey with 51 tags answers TagException "Too many tags"',
    operation: 'CreateKey',
    source: recorded('TestKMS::test_create_key_with_too_many_tags_raises_error', undefined, 'recorded 2025-01-21', 'MGT-107'),
    evidence: 'recorded',
    strength: 'must',
  },
  async (kms) => {
    const tags = Array.from({ length: 50 }, (_, i) => tag(`tag${i}`, `value${i}`));
    // The suite tags every key it creates with its run id: with it, 51 tags.
    const e = await expectKmsError(kms.primary.send(new CreateKeyCommand({ Description: 'TAG-04', Tags: tags })), 'TagException', 400);
    expect(e.message).toBe('Too many tags');
  },
);

requirement(
  {
    id: 'TAG-05',
    statement: 'A TagKey beginning with aws: or AWS: answers TagException "Tags beginning with aws: are reserved", on CreateKey and on TagResource',
    operation: 'TagResource',
    source: recorded('TestKMS::test_tag_existing_key_with_invalid_tag_key, test_create_key_with_invalid_tag_key[*]', undefined, 'recorded 2025-01-21 and 2025-01-22', 'MGT-108'),
    evidence: 'recorded',
    strength: 'must',
  },
  async (kms) => {
    const k = await key(kms, 'TAG-05');
    for (const TagKey of ['aws:key1', 'AWS:key1']) {
      const onTag = await expectKmsError(kms.primary.send(new TagResourceCommand({ KeyId: k.KeyId, Tags: [tag(TagKey, 'x')] })), 'TagException', 400);
      expect(onTag.message, `TagResource ${TagKey}`).toBe('Tags beginning with aws: are reserved');
      const onCreate = await expectKmsError(kms.primary.send(new CreateKeyCommand({ Description: 'TAG-05', Tags: [tag(TagKey, 'x')] })), 'TagException', 400);
      expect(onCreate.message, `CreateKey ${TagKey}`).toBe('Tags beginning with aws: are reserved');
    }
  },
);

requirement(
  {
    id: 'TAG-06',
    statement: 'A 129-character TagKey and a 257-character TagValue answer ValidationException (HTTP 400)',
    operation: 'TagResource',
    source: recorded('TestKMS::test_create_key_with_invalid_tag_key[too_long_key], test_key_with_long_tag_value_raises_error', undefined, 'recorded 2025-01-21 and 2025-01-22', 'MGT-109'),
    evidence: 'recorded',
    strength: 'must',
  },
  async (kms) => {
    const k = await key(kms, 'TAG-06');
    await expectKmsError(kms.primary.send(new TagResourceCommand({ KeyId: k.KeyId, Tags: [tag('a'.repeat(129), 'x')] })), 'ValidationException', 400);
    await expectKmsError(kms.primary.send(new TagResourceCommand({ KeyId: k.KeyId, Tags: [tag('k', 'v'.repeat(257))] })), 'ValidationException', 400);
  },
);

requirement(
  {
    id: 'TAG-10',
    statement: "Those refusals name the value and the member as recorded, 'tags.1.member.tagKey' (length 128) and 'tags.1.member.tagValue' (length 256)",
    operation: 'TagResource',
    source: recorded('TestKMS::test_create_key_with_invalid_tag_key[too_long_key], test_key_with_long_tag_value_raises_error', undefined, 'recorded 2025-01-21 and 2025-01-22', 'MGT-109'),
    evidence: 'recorded',
    strength: 'should',
  },
  async (kms) => {
    const k = await key(kms, 'TAG-10');
    const longKey = 'a'.repeat(129);
    const e1 = await expectKmsError(kms.primary.send(new TagResourceCommand({ KeyId: k.KeyId, Tags: [tag(longKey, 'x')] })), 'ValidationException');
    expect(e1.message).toBe(`1 validation error detected: Value '${longKey}' at 'tags.1.member.tagKey' failed to satisfy constraint: Member must have length less than or equal to 128`);
    const e2 = await expectKmsError(kms.primary.send(new TagResourceCommand({ KeyId: k.KeyId, Tags: [tag('k', 'v'.repeat(257))] })), 'ValidationException');
    expect(e2.message).toMatch(/^1 validation error detected: Value '.*' at 'tags\.1\.member\.tagValue' failed to satisfy constraint: Member must have length less than or equal to 256$/);
  },
);

requirement(
  {
    id: 'TAG-07',
    statement: 'An empty TagValue is accepted; untagging a TagKey the key does not have succeeds',
    operation: 'UntagResource',
    source: { url: apiRef('UntagResource'), section: 'Description (a tag key not found is not an error)', groundTruth: 'MGT-110, MGT-111' },
    evidence: 'documented',
    strength: 'must',
  },
  async (kms) => {
    const k = await key(kms, 'TAG-07');
    await kms.primary.send(new TagResourceCommand({ KeyId: k.KeyId, Tags: [tag('empty', '')] }));
    expect(await userTags(kms.primary, k.KeyId!)).toEqual([tag('empty', '')]);
    await kms.primary.send(new UntagResourceCommand({ KeyId: k.KeyId, TagKeys: ['never-there'] }));
  },
);

requirement(
  {
    id: 'TAG-08',
    statement: 'TagResource and UntagResource on a key pending deletion answer KMSInvalidStateException; ListResourceTags still answers',
    operation: 'TagResource',
    source: { url: `${DEV_GUIDE}/key-state.html`, section: 'TagResource, UntagResource rows: PendingDeletion, footnote 3', groundTruth: 'MGT-112' },
    evidence: 'documented',
    strength: 'must',
  },
  async (kms) => {
    const k = await key(kms, 'TAG-08');
    await kms.primary.send(new ScheduleKeyDeletionCommand({ KeyId: k.KeyId, PendingWindowInDays: 7 }));
    await describeKey(kms.primary, k.KeyId!, { settledIn: ['PendingDeletion'] });
    await expectKmsError(kms.primary.send(new TagResourceCommand({ KeyId: k.KeyId, Tags: [tag('a', 'b')] })), 'KMSInvalidStateException', 400);
    await expectKmsError(kms.primary.send(new UntagResourceCommand({ KeyId: k.KeyId, TagKeys: ['a'] })), 'KMSInvalidStateException', 400);
    await expect(kms.primary.send(new ListResourceTagsCommand({ KeyId: k.KeyId }))).resolves.toBeDefined();
  },
);

requirement(
  {
    id: 'TAG-09',
    statement: 'What TagResource answers when the key would have more than 50 tags',
    operation: 'TagResource',
    source: { url: `${DEV_GUIDE}/resource-limits.html`, section: 'Tags per KMS key', groundTruth: 'MGT-107' },
    evidence: 'unknown',
    strength: 'observe',
  },
  async (kms) => {
    const k = await key(kms, 'TAG-09');
    // With the suite's run tag, 49 user tags make 50.
    await kms.primary.send(new TagResourceCommand({ KeyId: k.KeyId, Tags: Array.from({ length: 49 }, (_, i) => tag(`t${i}`, 'v')) }));
    kms.observe('the 51st tag', await answerOf(kms.primary.send(new TagResourceCommand({ KeyId: k.KeyId, Tags: [tag('one-more', 'v')] }))));
  },
);

requirement(
  {
    id: 'ALIAS-01',
    statement: 'CreateAlias with a name lacking the alias/ prefix answers ValidationException (HTTP 400)',
    operation: 'CreateAlias',
    source: recorded('TestKMS::test_create_alias', undefined, 'recorded 2023-04-13, validated 2024-04-11', 'MGT-081'),
    evidence: 'recorded',
    strength: 'must',
  },
  async (kms) => {
    const k = await key(kms, 'ALIAS-01');
    const name = kms.aliasName('no-prefix').slice('alias/'.length);
    await expectKmsError(kms.primary.send(new CreateAliasCommand({ AliasName: name, TargetKeyId: k.KeyId })), 'ValidationException', 400);
  },
);

requirement(
  {
    id: 'ALIAS-12',
    statement: 'That refusal reads as recorded: Alias must start with the prefix "alias/". Please see <the alias page of the Developer Guide>',
    operation: 'CreateAlias',
    source: recorded('TestKMS::test_create_alias', undefined, 'recorded 2023-04-13, validated 2024-04-11', 'MGT-081'),
    evidence: 'recorded',
    strength: 'should',
  },
  async (kms) => {
    const k = await key(kms, 'ALIAS-12');
    const name = kms.aliasName('no-prefix').slice('alias/'.length);
    const e = await expectKmsError(kms.primary.send(new CreateAliasCommand({ AliasName: name, TargetKeyId: k.KeyId })), 'ValidationException');
    expect(e.message).toBe('Alias must start with the prefix "alias/". Please see https://docs.aws.amazon.com/kms/latest/developerguide/kms-alias.html');
  },
);

requirement(
  {
    id: 'ALIAS-02',
    statement: 'An alias name with a colon answers ValidationException "<name> contains invalid characters for an alias", although the model pattern allows colons',
    operation: 'CreateAlias',
    source: { url: 'https://github.com/hashicorp/terraform-provider-aws/issues/12891', section: 'AWS answer quoted in the issue (2020)', groundTruth: 'MGT-082' },
    evidence: 'recorded',
    strength: 'should',
  },
  async (kms) => {
    const k = await key(kms, 'ALIAS-02');
    const name = `${kms.aliasName('colon')}:x`;
    const e = await expectKmsError(kms.primary.send(new CreateAliasCommand({ AliasName: name, TargetKeyId: k.KeyId })), 'ValidationException', 400);
    expect(e.message).toBe(`${name} contains invalid characters for an alias`);
  },
);

requirement(
  {
    id: 'ALIAS-03',
    statement: 'CreateAlias with a name already in use answers AlreadyExistsException "An alias with the name <alias ARN> already exists"',
    operation: 'CreateAlias',
    source: { url: 'https://github.com/crossplane-contrib/provider-aws/issues/1741', section: 'AWS answer quoted in the issue (2023)', groundTruth: 'MGT-086' },
    evidence: 'recorded',
    strength: 'must',
  },
  async (kms) => {
    const k = await key(kms, 'ALIAS-03');
    const name = kms.aliasName('taken');
    await kms.primary.send(new CreateAliasCommand({ AliasName: name, TargetKeyId: k.KeyId }));
    const e = await expectKmsError(kms.primary.send(new CreateAliasCommand({ AliasName: name, TargetKeyId: k.KeyId })), 'AlreadyExistsException', 400);
    expect(e.message).toMatch(new RegExp(`^An alias with the name arn:aws[a-z-]*:kms:${kms.target.region}:\\d{12}:${name} already exists$`));
  },
);

requirement(
  {
    id: 'ALIAS-04',
    statement: 'After CreateAlias by key ARN, ListAliases of the key lists the alias with its ARN, the bare key id as TargetKeyId, CreationDate and LastUpdatedDate',
    operation: 'ListAliases',
    source: recorded('TestKMS::test_list_aliases_of_key, test_update_alias', undefined, 'validated 2024-04-11', 'MGT-087, MGT-088, MGT-096'),
    evidence: 'recorded',
    strength: 'must',
  },
  async (kms) => {
    const [k, other] = [await key(kms, 'ALIAS-04'), await key(kms, 'ALIAS-04')];
    const name = kms.aliasName('listed');
    await kms.primary.send(new CreateAliasCommand({ AliasName: name, TargetKeyId: k.Arn }));
    const mine = (await kms.primary.send(new ListAliasesCommand({ KeyId: k.KeyId }))).Aliases ?? [];
    const entry = mine.find((a) => a.AliasName === name);
    expect({ targetKeyId: entry?.TargetKeyId, arn: entry?.AliasArn?.endsWith(`:${name}`), created: entry?.CreationDate instanceof Date, updated: entry?.LastUpdatedDate instanceof Date }).toEqual({
      targetKeyId: k.KeyId,
      arn: true,
      created: true,
      updated: true,
    });
    const theirs = (await kms.primary.send(new ListAliasesCommand({ KeyId: other.KeyId }))).Aliases ?? [];
    expect(theirs.map((a) => a.AliasName), "another key's aliases").not.toContain(name);
  },
);

requirement(
  {
    id: 'ALIAS-05',
    statement: 'UpdateAlias moves an alias to another key: ListAliases lists it under the new key with that key id, and no longer under the old one',
    operation: 'UpdateAlias',
    source: recorded('TestKMS::test_update_alias', undefined, 'validated 2024-04-11', 'MGT-091'),
    evidence: 'recorded',
    strength: 'must',
  },
  async (kms) => {
    const [a, b] = [await key(kms, 'ALIAS-05'), await key(kms, 'ALIAS-05')];
    const name = kms.aliasName('moving');
    await kms.primary.send(new CreateAliasCommand({ AliasName: name, TargetKeyId: a.KeyId }));
    await kms.primary.send(new UpdateAliasCommand({ AliasName: name, TargetKeyId: b.KeyId }));
    const under = async (keyId: string) => ((await kms.primary.send(new ListAliasesCommand({ KeyId: keyId }))).Aliases ?? []).filter((x) => x.AliasName === name);
    expect((await under(b.KeyId!)).map((x) => x.TargetKeyId), 'under the new key').toEqual([b.KeyId]);
    expect(await under(a.KeyId!), 'under the old key').toEqual([]);
    const { KeyMetadata } = await kms.primary.send(new DescribeKeyCommand({ KeyId: name }));
    expect(KeyMetadata?.KeyId, 'the alias resolves to the new key').toBe(b.KeyId);
  },
);

requirement(
  {
    id: 'ALIAS-06',
    statement: 'UpdateAlias to a key of another type or key usage (an HMAC key for a symmetric encryption key) is refused with a client error',
    operation: 'UpdateAlias',
    source: { url: apiRef('UpdateAlias'), section: 'Description (same type and key usage)', groundTruth: 'MGT-092' },
    evidence: 'documented',
    strength: 'must',
  },
  async (kms) => {
    const a = await key(kms, 'ALIAS-06');
    const hmac = await createKeyOf(kms.primary, 'HMAC_256', 'GENERATE_VERIFY_MAC', { description: 'ALIAS-06' });
    const name = kms.aliasName('typed');
    await kms.primary.send(new CreateAliasCommand({ AliasName: name, TargetKeyId: a.KeyId }));
    const answer = await answerOf(kms.primary.send(new UpdateAliasCommand({ AliasName: name, TargetKeyId: hmac.KeyId })));
    kms.observe('answer', answer);
    expect('status' in answer && answer.status, 'a client error').toBe(400);
  },
);

requirement(
  {
    id: 'ALIAS-07',
    statement: 'UpdateAlias and DeleteAlias of an alias that does not exist answer NotFoundException',
    operation: 'UpdateAlias',
    source: { url: apiRef('UpdateAlias'), section: 'Errors: NotFoundException', groundTruth: 'MGT-093, MGT-095' },
    evidence: 'documented',
    strength: 'must',
  },
  async (kms) => {
    const k = await key(kms, 'ALIAS-07');
    const name = kms.aliasName('absent');
    await expectKmsError(kms.primary.send(new UpdateAliasCommand({ AliasName: name, TargetKeyId: k.KeyId })), 'NotFoundException', 400);
    await expectKmsError(kms.primary.send(new DeleteAliasCommand({ AliasName: name })), 'NotFoundException', 400);
  },
);

requirement(
  {
    id: 'ALIAS-08',
    statement: 'CreateAlias and UpdateAlias whose target key is pending deletion answer KMSInvalidStateException',
    operation: 'CreateAlias',
    source: { url: `${DEV_GUIDE}/key-state.html`, section: 'CreateAlias, UpdateAlias rows: PendingDeletion, footnote 3', groundTruth: 'MGT-089' },
    evidence: 'documented',
    strength: 'must',
  },
  async (kms) => {
    const [live, doomed] = [await key(kms, 'ALIAS-08'), await key(kms, 'ALIAS-08')];
    const name = kms.aliasName('doomed');
    await kms.primary.send(new CreateAliasCommand({ AliasName: name, TargetKeyId: live.KeyId }));
    await kms.primary.send(new ScheduleKeyDeletionCommand({ KeyId: doomed.KeyId, PendingWindowInDays: 7 }));
    await describeKey(kms.primary, doomed.KeyId!, { settledIn: ['PendingDeletion'] });
    await expectKmsError(kms.primary.send(new CreateAliasCommand({ AliasName: kms.aliasName('doomed-2'), TargetKeyId: doomed.KeyId })), 'KMSInvalidStateException', 400);
    await expectKmsError(kms.primary.send(new UpdateAliasCommand({ AliasName: name, TargetKeyId: doomed.KeyId })), 'KMSInvalidStateException', 400);
  },
);

requirement(
  {
    id: 'ALIAS-09',
    statement: 'An alias name and an alias ARN work where aliases are accepted: Encrypt with either, DescribeKey of the alias ARN gives the key',
    operation: 'Encrypt',
    source: recorded('TestKMS::test_all_types_of_key_id_can_be_used_for_encryption, test_describe_with_alias_arn', undefined, 'validated 2024-04-11; recorded 2025-08-05', 'MGT-098'),
    evidence: 'recorded',
    strength: 'must',
  },
  async (kms) => {
    const k = await key(kms, 'ALIAS-09');
    const name = kms.aliasName('resolving');
    await kms.primary.send(new CreateAliasCommand({ AliasName: name, TargetKeyId: k.KeyId }));
    const entry = ((await kms.primary.send(new ListAliasesCommand({ KeyId: k.KeyId }))).Aliases ?? []).find((a) => a.AliasName === name);
    for (const id of [name, entry!.AliasArn!]) {
      expect((await kms.primary.send(new EncryptCommand({ KeyId: id, Plaintext: Buffer.from('x') }))).KeyId, id).toBe(k.Arn);
    }
    expect((await kms.primary.send(new DescribeKeyCommand({ KeyId: entry!.AliasArn }))).KeyMetadata?.KeyId).toBe(k.KeyId);
  },
);

requirement(
  {
    id: 'ALIAS-10',
    statement: 'An alias that does not exist, used as a KeyId, answers NotFoundException "Alias <alias ARN> is not found."',
    operation: 'Encrypt',
    source: { url: 'https://github.com/cloudposse/docs/issues/152', section: 'AWS answer quoted in the issue (2018)', groundTruth: 'MGT-099' },
    evidence: 'recorded',
    strength: 'should',
  },
  async (kms) => {
    const name = kms.aliasName('ghost');
    const e = await expectKmsError(kms.primary.send(new EncryptCommand({ KeyId: name, Plaintext: Buffer.from('x') })), 'NotFoundException', 400);
    expect(e.message).toMatch(new RegExp(`^Alias arn:aws[a-z-]*:kms:${kms.target.region}:\\d{12}:${name} is not found\\.$`));
  },
);

requirement(
  {
    id: 'ALIAS-11',
    statement: 'The 51st alias of one key answers LimitExceededException, "Aliases per key quota for this account in this region is 50, current usage is …"',
    operation: 'CreateAlias',
    source: { url: 'https://github.com/scylladb/scylla-cluster-tests/issues/7611', section: 'AWS answer quoted in the issue (2024)', groundTruth: 'MGT-090' },
    evidence: 'recorded',
    strength: 'should',
  },
  async (kms) => {
    const k = await key(kms, 'ALIAS-11');
    for (let i = 0; i < 50; i++) await kms.primary.send(new CreateAliasCommand({ AliasName: kms.aliasName(`quota-${i}`), TargetKeyId: k.KeyId }));
    const e = await expectKmsError(kms.primary.send(new CreateAliasCommand({ AliasName: kms.aliasName('quota-50'), TargetKeyId: k.KeyId })), 'LimitExceededException', 400);
    expect(e.message).toMatch(/^Aliases per key quota for this account in this region is 50, current usage is \d+/);
  },
);

requirement(
  {
    id: 'META-01',
    statement: 'UpdateKeyDescription answers no members, and DescribeKey then shows the new Description',
    operation: 'UpdateKeyDescription',
    source: recorded('TestKMS::test_update_key_description', undefined, 'validated 2024-04-11', 'MGT-101'),
    evidence: 'recorded',
    strength: 'must',
  },
  async (kms) => {
    const k = await key(kms, 'META-01');
    const out = await kms.primary.send(new UpdateKeyDescriptionCommand({ KeyId: k.KeyId, Description: 'META-01 new description' }));
    expect(members(out)).toEqual([]);
    expect((await describeKey(kms.primary, k.KeyId!)).Description).toBe('META-01 new description');
  },
);

requirement(
  {
    id: 'META-02',
    statement: 'UpdateKeyDescription accepts an empty description, refuses one of 8193 characters with ValidationException, and refuses a key pending deletion with KMSInvalidStateException',
    operation: 'UpdateKeyDescription',
    source: { url: apiRef('UpdateKeyDescription'), section: 'Request Parameters: Description (0–8192)', groundTruth: 'MGT-102, MGT-103' },
    evidence: 'documented',
    strength: 'must',
  },
  async (kms) => {
    const k = await key(kms, 'META-02');
    await kms.primary.send(new UpdateKeyDescriptionCommand({ KeyId: k.KeyId, Description: '' }));
    expect((await describeKey(kms.primary, k.KeyId!)).Description).toBe('');
    await expectKmsError(kms.primary.send(new UpdateKeyDescriptionCommand({ KeyId: k.KeyId, Description: 'd'.repeat(8193) })), 'ValidationException', 400);
    await kms.primary.send(new ScheduleKeyDeletionCommand({ KeyId: k.KeyId, PendingWindowInDays: 7 }));
    await describeKey(kms.primary, k.KeyId!, { settledIn: ['PendingDeletion'] });
    await expectKmsError(kms.primary.send(new UpdateKeyDescriptionCommand({ KeyId: k.KeyId, Description: 'late' })), 'KMSInvalidStateException', 400);
  },
);

requirement(
  {
    id: 'META-03',
    statement: 'GetKeyLastUsage of a key never used answers KeyId, KeyCreationDate, a TrackingStartDate not before it, and an empty KeyLastUsage',
    operation: 'GetKeyLastUsage',
    source: { url: apiRef('GetKeyLastUsage'), section: 'Response Elements', groundTruth: 'MGT-114' },
    evidence: 'documented',
    strength: 'must',
  },
  async (kms) => {
    const k = await key(kms, 'META-03');
    const out = await kms.primary.send(new GetKeyLastUsageCommand({ KeyId: k.KeyId }));
    expect(out.KeyCreationDate?.toISOString()).toBe(k.CreationDate?.toISOString());
    expect(out.TrackingStartDate!.getTime()).toBeGreaterThanOrEqual(out.KeyCreationDate!.getTime());
    expect(out.KeyLastUsage ?? {}).toEqual({});
    kms.observe('KeyId', out.KeyId === k.Arn ? 'the key ARN' : out.KeyId);
  },
);

requirement(
  {
    id: 'META-04',
    statement: 'After a successful Encrypt, GetKeyLastUsage reports Operation Encrypt with a Timestamp (waiting for it, boundedly)',
    operation: 'GetKeyLastUsage',
    source: { url: apiRef('GetKeyLastUsage'), section: 'Response Elements: KeyLastUsage', groundTruth: 'MGT-115' },
    evidence: 'documented',
    strength: 'must',
  },
  async (kms) => {
    const k = await key(kms, 'META-04');
    await kms.primary.send(new EncryptCommand({ KeyId: k.KeyId, Plaintext: Buffer.from('x') }));
    const out = await eventually(() => kms.primary.send(new GetKeyLastUsageCommand({ KeyId: k.KeyId })), { until: (o) => o.KeyLastUsage?.Operation !== undefined, timeoutMs: 60_000 });
    expect({ operation: out.KeyLastUsage?.Operation, timestamp: out.KeyLastUsage?.Timestamp instanceof Date }).toEqual({ operation: 'Encrypt', timestamp: true });
    kms.observe('KeyLastUsage members', Object.keys(out.KeyLastUsage ?? {}).sort());
  },
);

requirement(
  {
    id: 'META-05',
    statement: 'ListKeys lists a new key with the KeyId and KeyArn CreateKey gave, paging with Limit and Marker until there is no NextMarker',
    operation: 'ListKeys',
    source: recorded('TestKMS::test_create_key, test_list_keys', undefined, 'recorded 2025-11-10; validated 2024-04-11', 'MGT-117'),
    evidence: 'recorded',
    strength: 'must',
  },
  async (kms) => {
    const k = await key(kms, 'META-05');
    const seen: { KeyId?: string; KeyArn?: string }[] = [];
    let marker: string | undefined;
    for (let pages = 0; pages < 1_000; pages++) {
      const page = await kms.primary.send(new ListKeysCommand({ Limit: 50, ...(marker && { Marker: marker }) }));
      seen.push(...(page.Keys ?? []));
      marker = page.NextMarker;
      if (!marker) break;
    }
    expect(seen.find((x) => x.KeyId === k.KeyId)).toEqual({ KeyId: k.KeyId, KeyArn: k.Arn });
  },
);

requirement(
  {
    id: 'META-06',
    statement: 'A Marker that no List operation handed out answers InvalidMarkerException (ListKeys, ListAliases, ListResourceTags)',
    operation: 'ListKeys',
    source: { url: apiRef('ListKeys'), section: 'Errors: InvalidMarkerException', groundTruth: 'MGT-119' },
    evidence: 'documented',
    strength: 'must',
  },
  async (kms) => {
    const k = await key(kms, 'META-06');
    const garbage = 'not-a-marker-the-target-issued';
    await expectKmsError(kms.primary.send(new ListKeysCommand({ Marker: garbage })), 'InvalidMarkerException', 400);
    await expectKmsError(kms.primary.send(new ListAliasesCommand({ Marker: garbage })), 'InvalidMarkerException', 400);
    await expectKmsError(kms.primary.send(new ListResourceTagsCommand({ KeyId: k.KeyId, Marker: garbage })), 'InvalidMarkerException', 400);
  },
);

requirement(
  {
    id: 'META-07',
    statement: 'ListKeys with ResourceOwners SELF lists the own new key; with OTHER_ACCOUNTS_VIA_RAM only, keys shared through AWS RAM (none is shared here)',
    operation: 'ListKeys',
    source: { url: apiRef('ListKeys'), section: 'Request Parameters: ResourceOwners', groundTruth: 'MGT-118' },
    evidence: 'documented',
    strength: 'must',
  },
  async (kms) => {
    const k = await key(kms, 'META-07');
    // ResourceOwners is newer than the SDK this suite pins, which would drop it: sent raw.
    const list = async (owners: string[]) => {
      const res = await kms.raw().send({ operation: 'ListKeys', body: { ResourceOwners: owners, Limit: 1000 } });
      expect(res.status, `ListKeys ${owners.join(',')}`).toBe(200);
      return ((res.json?.Keys ?? []) as { KeyId?: string }[]).map((x) => x.KeyId);
    };
    expect(await list(['SELF'])).toContain(k.KeyId);
    expect(await list(['OTHER_ACCOUNTS_VIA_RAM']), 'the own key is not a shared key').not.toContain(k.KeyId);
  },
);
