/**
 * Key policies: the default policy, GetKeyPolicy / PutKeyPolicy / ListKeyPolicies and their checks,
 * and policies that decide (key-management ground truth §2 and §9, requirements MGT-037…MGT-053,
 * MGT-153…MGT-155). Every policy the suite sets keeps the caller's account able to manage the key,
 * so the run can still schedule its deletion.
 * @see https://docs.aws.amazon.com/kms/latest/developerguide/key-policies.html
 */
import {
  CreateAliasCommand,
  CreateKeyCommand,
  DecryptCommand,
  DescribeKeyCommand,
  DisableKeyCommand,
  EncryptCommand,
  GetKeyPolicyCommand,
  ListKeyPoliciesCommand,
  PutKeyPolicyCommand,
  ScheduleKeyDeletionCommand,
  TagResourceCommand,
  type KeyMetadata,
  type KMSClient,
} from '@aws-sdk/client-kms';
import { expect } from 'vitest';
import { createKmsKey, describeKey } from '#harness/kms/index.ts';
import { answerOf, apiRef, DEV_GUIDE, expectKmsError, members, recorded, requirement, type SpecContext } from '#harness/spec/index.ts';

const POLICIES_DOC = `${DEV_GUIDE}/key-policies.html`;
const DEFAULT_DOC = `${DEV_GUIDE}/key-policy-default.html`;
const PUT = apiRef('PutKeyPolicy');

const accountOf = (arn: string) => arn.split(':')[4]!;
const partitionOf = (arn: string) => arn.split(':')[1]!;
const rootOf = (arn: string) => `arn:${partitionOf(arn)}:iam::${accountOf(arn)}:root`;

/** A statement that keeps the key's own account in charge of everything. */
const admin = (key: KeyMetadata) => ({ Sid: 'kms-conformance admin', Effect: 'Allow', Principal: { AWS: rootOf(key.Arn!) }, Action: 'kms:*', Resource: '*' });
const policyOf = (...statements: object[]) => JSON.stringify({ Version: '2012-10-17', Statement: statements });
/**
 * PutKeyPolicy naming the default policy: PolicyName is optional only since 2024 (POL-01 checks
 * leaving it out), so the other checks name it and do not fail for that instead of what they check.
 */
const put = (c: KMSClient, KeyId: string, Policy: string, extra: { BypassPolicyLockoutSafetyCheck?: boolean; PolicyName?: string } = {}) =>
  c.send(new PutKeyPolicyCommand({ KeyId, Policy, PolicyName: 'default', ...extra }));
const policyText = async (c: KMSClient, KeyId: string) => (await c.send(new GetKeyPolicyCommand({ KeyId, PolicyName: 'default' }))).Policy!;
const key = (kms: SpecContext, label: string) => createKmsKey(kms.primary, label);

requirement(
  {
    id: 'POL-01',
    statement: 'GetKeyPolicy without a PolicyName answers the default policy and PolicyName default',
    operation: 'GetKeyPolicy',
    source: { url: apiRef('GetKeyPolicy'), section: 'Request Parameters: PolicyName; Response Elements', groundTruth: 'MGT-037' },
    evidence: 'documented',
    strength: 'must',
  },
  async (kms) => {
    const k = await key(kms, 'POL-01');
    const out = await kms.primary.send(new GetKeyPolicyCommand({ KeyId: k.KeyId }));
    expect(out.PolicyName).toBe('default');
    expect(() => JSON.parse(out.Policy ?? ''), 'the policy is a JSON document').not.toThrow();
  },
);

requirement(
  {
    id: 'POL-02',
    statement: "A key created without a policy has AWS's default policy: Id key-default-1 and one statement letting the account's root principal do kms:* on *",
    operation: 'CreateKey',
    source: recorded('TestKMS::test_replicate_key', 'replicate-key (ReplicaPolicy)', 'recorded 2025-11-10', 'MGT-038'),
    evidence: 'recorded',
    strength: 'must',
  },
  async (kms) => {
    const k = await key(kms, 'POL-02');
    expect(JSON.parse(await policyText(kms.primary, k.KeyId!))).toEqual({
      Version: '2012-10-17',
      Id: 'key-default-1',
      Statement: [{ Sid: 'Enable IAM User Permissions', Effect: 'Allow', Principal: { AWS: rootOf(k.Arn!) }, Action: 'kms:*', Resource: '*' }],
    });
  },
);

requirement(
  {
    id: 'POL-03',
    statement: 'The default policy text is printed as AWS prints it: two-space indents and a space before each colon',
    operation: 'GetKeyPolicy',
    source: { url: apiRef('GetKeyPolicy'), section: 'Examples (the default key policy)', groundTruth: 'MGT-039' },
    evidence: 'documented',
    strength: 'should',
  },
  async (kms) => {
    const k = await key(kms, 'POL-03');
    expect(await policyText(kms.primary, k.KeyId!)).toMatch(/^\{\n {2}"Version" : "2012-10-17",\n {2}"Id" : "key-default-1",\n {2}"Statement" : \[ \{\n/);
  },
);

requirement(
  {
    id: 'POL-04',
    statement: 'A policy given to CreateKey, and one set by PutKeyPolicy, come back from GetKeyPolicy as the same JSON with the same key order',
    operation: 'PutKeyPolicy',
    source: recorded('TestKMS::test_get_put_list_key_policies', undefined, 'validated 2024-04-11', 'MGT-040'),
    evidence: 'recorded',
    strength: 'must',
  },
  async (kms) => {
    const probe = await key(kms, 'POL-04');
    const p1 = JSON.stringify({ Statement: [{ ...admin(probe), Sid: 'first' }], Version: '2012-10-17' });
    const { KeyMetadata: k } = await kms.primary.send(new CreateKeyCommand({ Description: 'POL-04', Policy: p1 }));
    const same = (text: string) => JSON.stringify(JSON.parse(text));
    expect(same(await policyText(kms.primary, k!.KeyId!)), 'CreateKey policy').toBe(same(p1));
    const p2 = JSON.stringify({ Version: '2012-10-17', Id: 'second', Statement: [{ ...admin(probe), Sid: 'second' }] });
    await put(kms.primary, k!.KeyId!, p2);
    expect(same(await policyText(kms.primary, k!.KeyId!)), 'PutKeyPolicy policy').toBe(same(p2));
  },
);

requirement(
  {
    id: 'POL-05',
    statement: 'ListKeyPolicies of a key not shared through AWS RAM answers PolicyNames [default] and Truncated false',
    operation: 'ListKeyPolicies',
    source: recorded('TestKMS::test_get_put_list_key_policies', undefined, 'validated 2024-04-11', 'MGT-041'),
    evidence: 'recorded',
    strength: 'must',
  },
  async (kms) => {
    const k = await key(kms, 'POL-05');
    const out = await kms.primary.send(new ListKeyPoliciesCommand({ KeyId: k.KeyId }));
    expect({ names: out.PolicyNames, truncated: out.Truncated }).toEqual({ names: ['default'], truncated: false });
  },
);

requirement(
  {
    id: 'POL-06',
    statement: 'GetKeyPolicy with PolicyName AWS_RAM on a key not shared through RAM answers NotFoundException',
    operation: 'GetKeyPolicy',
    source: { url: apiRef('GetKeyPolicy'), section: 'Request Parameters: PolicyName (AWS_RAM)', groundTruth: 'MGT-042' },
    evidence: 'documented',
    strength: 'must',
  },
  async (kms) => {
    const k = await key(kms, 'POL-06');
    await expectKmsError(kms.primary.send(new GetKeyPolicyCommand({ KeyId: k.KeyId, PolicyName: 'AWS_RAM' })), 'NotFoundException', 400);
  },
);

requirement(
  {
    id: 'POL-07',
    statement: 'PutKeyPolicy with PolicyName AWS_RAM answers ValidationException, the AWS_RAM policy being managed by RAM only',
    operation: 'PutKeyPolicy',
    source: { url: PUT, section: 'Request Parameters: PolicyName', groundTruth: 'MGT-043' },
    evidence: 'documented',
    strength: 'must',
  },
  async (kms) => {
    const k = await key(kms, 'POL-07');
    await expectKmsError(put(kms.primary, k.KeyId!, policyOf(admin(k)), { PolicyName: 'AWS_RAM' }), 'ValidationException', 400);
  },
);

requirement(
  {
    id: 'POL-19',
    statement: 'That refusal reads "The AWS_RAM policy can only be managed by the RAM service" (final period or not)',
    operation: 'PutKeyPolicy',
    source: { url: PUT, section: 'Request Parameters: PolicyName', groundTruth: 'MGT-043' },
    evidence: 'documented',
    strength: 'should',
  },
  async (kms) => {
    const k = await key(kms, 'POL-19');
    const e = await expectKmsError(put(kms.primary, k.KeyId!, policyOf(admin(k)), { PolicyName: 'AWS_RAM' }), 'ValidationException');
    expect(e.message ?? '').toMatch(/^The AWS_RAM policy can only be managed by the RAM service\.?$/);
  },
);

/** A policy that lets the account do everything except change the key policy. */
const lockout = (k: KeyMetadata) => policyOf({ Sid: 'all but PutKeyPolicy', Effect: 'Allow', Principal: { AWS: rootOf(k.Arn!) }, NotAction: 'kms:PutKeyPolicy', Resource: '*' });

requirement(
  {
    id: 'POL-08',
    statement: 'PutKeyPolicy with a policy that would stop the caller changing the policy again answers MalformedPolicyDocumentException, and the policy is unchanged',
    operation: 'PutKeyPolicy',
    source: { url: 'https://github.com/data-dot-all/dataall/issues/956', section: 'AWS answer quoted in the issue (2024); also terraform-aws-eks#2843', groundTruth: 'MGT-044' },
    evidence: 'recorded',
    strength: 'must',
  },
  async (kms) => {
    const k = await key(kms, 'POL-08');
    const before = await policyText(kms.primary, k.KeyId!);
    await expectKmsError(put(kms.primary, k.KeyId!, lockout(k)), 'MalformedPolicyDocumentException', 400);
    expect(await policyText(kms.primary, k.KeyId!)).toBe(before);
  },
);

requirement(
  {
    id: 'POL-09',
    statement: 'That refusal reads "The new key policy will not allow you to update the key policy in the future."',
    operation: 'PutKeyPolicy',
    source: { url: 'https://github.com/data-dot-all/dataall/issues/956', section: 'AWS answer quoted in the issue (2024)', groundTruth: 'MGT-044' },
    evidence: 'recorded',
    strength: 'should',
  },
  async (kms) => {
    const k = await key(kms, 'POL-09');
    const e = await expectKmsError(put(kms.primary, k.KeyId!, lockout(k)), 'MalformedPolicyDocumentException');
    expect(e.message).toBe('The new key policy will not allow you to update the key policy in the future.');
  },
);

requirement(
  {
    id: 'POL-10',
    statement: 'The same policy with BypassPolicyLockoutSafetyCheck true is accepted',
    operation: 'PutKeyPolicy',
    source: { url: PUT, section: 'Request Parameters: BypassPolicyLockoutSafetyCheck', groundTruth: 'MGT-045' },
    evidence: 'documented',
    strength: 'must',
  },
  async (kms) => {
    const k = await key(kms, 'POL-10');
    const out = await put(kms.primary, k.KeyId!, lockout(k), { BypassPolicyLockoutSafetyCheck: true });
    expect(members(out)).toEqual([]);
    expect(JSON.parse(await policyText(kms.primary, k.KeyId!)).Statement[0].Sid).toBe('all but PutKeyPolicy');
  },
);

requirement(
  {
    id: 'POL-11',
    statement: 'A policy naming a principal that does not exist (an IAM role nobody created) answers MalformedPolicyDocumentException',
    operation: 'PutKeyPolicy',
    source: { url: 'https://github.com/awslabs/minimum-viable-dataspace-on-aws/issues/6', section: 'AWS answer quoted in the issue (2025)', groundTruth: 'MGT-046' },
    evidence: 'recorded',
    strength: 'must',
  },
  async (kms) => {
    const k = await key(kms, 'POL-11');
    const nobody = `arn:${partitionOf(k.Arn!)}:iam::${accountOf(k.Arn!)}:role/kms-conformance-no-such-role-${kms.runId}`;
    const p = policyOf(admin(k), { Sid: 'nobody', Effect: 'Allow', Principal: { AWS: nobody }, Action: 'kms:Decrypt', Resource: '*' });
    const e = await expectKmsError(put(kms.primary, k.KeyId!, p), 'MalformedPolicyDocumentException', 400);
    kms.observe('message', e.message);
  },
);

requirement(
  {
    id: 'POL-12',
    statement: 'That refusal reads "Policy contains a statement with one or more invalid principals."',
    operation: 'PutKeyPolicy',
    source: { url: 'https://github.com/LBHackney-IT/Data-Platform/pull/2238', section: 'AWS answer quoted in the pull request (2025)', groundTruth: 'MGT-046' },
    evidence: 'recorded',
    strength: 'should',
  },
  async (kms) => {
    const k = await key(kms, 'POL-12');
    const nobody = `arn:${partitionOf(k.Arn!)}:iam::${accountOf(k.Arn!)}:role/kms-conformance-no-such-role-${kms.runId}`;
    const p = policyOf(admin(k), { Sid: 'nobody', Effect: 'Allow', Principal: { AWS: nobody }, Action: 'kms:Decrypt', Resource: '*' });
    const e = await expectKmsError(put(kms.primary, k.KeyId!, p), 'MalformedPolicyDocumentException');
    expect(e.message).toBe('Policy contains a statement with one or more invalid principals.');
  },
);

requirement(
  {
    id: 'POL-13',
    statement: 'Policy text that is not JSON answers MalformedPolicyDocumentException, on PutKeyPolicy and on CreateKey',
    operation: 'PutKeyPolicy',
    source: { url: 'https://github.com/aws/aws-sdk-ruby/issues/1784', section: 'AWS answer quoted in the issue (2018)', groundTruth: 'MGT-047' },
    evidence: 'recorded',
    strength: 'must',
  },
  async (kms) => {
    const k = await key(kms, 'POL-13');
    await expectKmsError(put(kms.primary, k.KeyId!, '{ this is not json'), 'MalformedPolicyDocumentException', 400);
    await expectKmsError(kms.primary.send(new CreateKeyCommand({ Description: 'POL-13', Policy: 'not json either' })), 'MalformedPolicyDocumentException', 400);
  },
);

requirement(
  {
    id: 'POL-14',
    statement: 'A statement without a Resource is accepted, although it has no effect',
    operation: 'PutKeyPolicy',
    source: { url: PUT, section: 'Request Parameters: Policy (a statement without Resource or Action)', groundTruth: 'MGT-048' },
    evidence: 'documented',
    strength: 'must',
  },
  async (kms) => {
    const k = await key(kms, 'POL-14');
    const { Resource: _r, ...noResource } = { ...admin(k), Sid: 'no resource' };
    await put(kms.primary, k.KeyId!, policyOf(admin(k), noResource));
    expect(JSON.parse(await policyText(kms.primary, k.KeyId!)).Statement).toHaveLength(2);
  },
);

requirement(
  {
    id: 'POL-15',
    statement: 'A policy with a character outside the allowed set (U+0100) answers ValidationException',
    operation: 'PutKeyPolicy',
    source: { url: PUT, section: 'Request Parameters: Policy (printable ASCII and Latin-1, tab, LF, CR)', groundTruth: 'MGT-049' },
    evidence: 'documented',
    strength: 'must',
  },
  async (kms) => {
    const k = await key(kms, 'POL-15');
    const p = policyOf({ ...admin(k), Sid: 'Ā not latin-1' });
    await expectKmsError(put(kms.primary, k.KeyId!, p), 'ValidationException', 400);
  },
);

requirement(
  {
    id: 'POL-16',
    statement: 'GetKeyPolicy, PutKeyPolicy and ListKeyPolicies work on a Disabled key and on a key pending deletion',
    operation: 'PutKeyPolicy',
    source: { url: `${DEV_GUIDE}/key-state.html`, section: 'GetKeyPolicy, PutKeyPolicy, ListKeyPolicies rows', groundTruth: 'MGT-050' },
    evidence: 'documented',
    strength: 'must',
  },
  async (kms) => {
    const [disabled, deleting] = [await key(kms, 'POL-16'), await key(kms, 'POL-16')];
    await kms.primary.send(new DisableKeyCommand({ KeyId: disabled.KeyId }));
    await describeKey(kms.primary, disabled.KeyId!, { settledIn: ['Disabled'] });
    await kms.primary.send(new ScheduleKeyDeletionCommand({ KeyId: deleting.KeyId, PendingWindowInDays: 7 }));
    await describeKey(kms.primary, deleting.KeyId!, { settledIn: ['PendingDeletion'] });
    for (const k of [disabled, deleting]) {
      await put(kms.primary, k.KeyId!, policyOf(admin(k)));
      await policyText(kms.primary, k.KeyId!);
      await kms.primary.send(new ListKeyPoliciesCommand({ KeyId: k.KeyId }));
    }
  },
);

requirement(
  {
    id: 'POL-17',
    statement: 'An explicit Deny in the key policy refuses that operation with AccessDeniedException while the others still work',
    operation: 'Encrypt',
    source: { url: POLICIES_DOC, section: 'Key policies (an explicit deny overrides any allow)', groundTruth: 'issue 12: Allow/Deny' },
    evidence: 'documented',
    strength: 'must',
  },
  async (kms) => {
    const k = await key(kms, 'POL-17');
    await put(kms.primary, k.KeyId!, policyOf(admin(k), { Sid: 'no encrypt', Effect: 'Deny', Principal: { AWS: '*' }, Action: 'kms:Encrypt', Resource: '*' }));
    const e = await expectKmsError(kms.primary.send(new EncryptCommand({ KeyId: k.KeyId, Plaintext: Buffer.from('x') })), 'AccessDeniedException', 400);
    kms.observe('AccessDeniedException message', e.message);
    await expect(kms.primary.send(new DescribeKeyCommand({ KeyId: k.KeyId })), 'DescribeKey is still allowed').resolves.toBeDefined();
  },
);

requirement(
  {
    id: 'POL-18',
    statement: 'A kms:EncryptionContext condition decides per request: a Deny unless the context has purpose=ok refuses other contexts and allows that one',
    operation: 'Encrypt',
    source: { url: `${DEV_GUIDE}/conditions-kms.html`, section: 'kms:EncryptionContext:context-key', groundTruth: 'issue 12: kms:* condition keys' },
    evidence: 'documented',
    strength: 'must',
  },
  async (kms) => {
    const k = await key(kms, 'POL-18');
    await put(kms.primary, k.KeyId!, policyOf(admin(k), {
      Sid: 'purpose', Effect: 'Deny', Principal: { AWS: '*' }, Action: 'kms:Encrypt', Resource: '*',
      Condition: { StringNotEquals: { 'kms:EncryptionContext:purpose': 'ok' } },
    }));
    const encrypt = (EncryptionContext?: Record<string, string>) => kms.primary.send(new EncryptCommand({ KeyId: k.KeyId, Plaintext: Buffer.from('x'), ...(EncryptionContext && { EncryptionContext }) }));
    await expectKmsError(encrypt({ purpose: 'other' }), 'AccessDeniedException', 400);
    await expectKmsError(encrypt(), 'AccessDeniedException', 400);
    await expect(encrypt({ purpose: 'ok' })).resolves.toMatchObject({ KeyId: k.Arn });
  },
);

// ---- Another account (needs the secondary principal) --------------------------------------------

/** The secondary client, or the check ends as not applicable. */
function otherAccount(kms: SpecContext): KMSClient {
  if (!kms.secondary) kms.notApplicable('the target has one account (no secondary principal)');
  return kms.secondary;
}

/** The other account's root principal, read from a key it creates (and that the run cleans up). */
async function otherRoot(kms: SpecContext, other: KMSClient): Promise<string> {
  return rootOf((await createKmsKey(other, 'XACC probe')).Arn!);
}

const allowOther = (root: string, actions: string[]) => ({ Sid: 'the other account', Effect: 'Allow', Principal: { AWS: root }, Action: actions, Resource: '*' });

requirement(
  {
    id: 'XACC-01',
    statement: "With the default key policy another account's Encrypt with the key ARN is refused with a client error",
    operation: 'Encrypt',
    source: { url: DEFAULT_DOC, section: 'Allows access to the AWS account (only)', groundTruth: 'MGT-153' },
    evidence: 'documented',
    strength: 'must',
  },
  async (kms) => {
    const other = otherAccount(kms);
    const k = await key(kms, 'XACC-01');
    const a = await answerOf(other.send(new EncryptCommand({ KeyId: k.Arn, Plaintext: Buffer.from('x') })));
    kms.observe('answer', a);
    expect('status' in a && a.status, 'a client error').toBe(400);
  },
);

requirement(
  {
    id: 'XACC-02',
    statement: "After the key policy allows another account kms:Encrypt, kms:Decrypt and kms:DescribeKey, it can do them with the key ARN, and decrypt its ciphertext without a KeyId",
    operation: 'Encrypt',
    source: { url: `${DEV_GUIDE}/key-policy-modifying-external-accounts.html`, section: 'Allowing users in other accounts to use a KMS key', groundTruth: 'MGT-153' },
    evidence: 'documented',
    strength: 'must',
  },
  async (kms) => {
    const other = otherAccount(kms);
    const k = await key(kms, 'XACC-02');
    await put(kms.primary, k.KeyId!, policyOf(admin(k), allowOther(await otherRoot(kms, other), ['kms:Encrypt', 'kms:Decrypt', 'kms:DescribeKey'])));
    const { CiphertextBlob, KeyId } = await other.send(new EncryptCommand({ KeyId: k.Arn, Plaintext: Buffer.from('XACC-02') }));
    expect(KeyId).toBe(k.Arn);
    expect(Buffer.from((await other.send(new DecryptCommand({ CiphertextBlob }))).Plaintext!).toString()).toBe('XACC-02');
    expect((await other.send(new DescribeKeyCommand({ KeyId: k.Arn }))).KeyMetadata?.KeyId).toBe(k.KeyId);
  },
);

requirement(
  {
    id: 'XACC-03',
    statement: 'Operations without cross-account use (DisableKey, TagResource) are refused to another account even when the key policy allows them, and the key is unchanged',
    operation: 'DisableKey',
    source: { url: `${DEV_GUIDE}/key-policy-modifying-external-accounts.html`, section: 'permissions for other operations have no effect', groundTruth: 'MGT-154' },
    evidence: 'documented',
    strength: 'must',
  },
  async (kms) => {
    const other = otherAccount(kms);
    const k = await key(kms, 'XACC-03');
    await put(kms.primary, k.KeyId!, policyOf(admin(k), allowOther(await otherRoot(kms, other), ['kms:DisableKey', 'kms:TagResource'])));
    // One call at a time: a second call already in flight when the first one's check fails would be an unhandled rejection.
    for (const call of [() => other.send(new DisableKeyCommand({ KeyId: k.Arn })), () => other.send(new TagResourceCommand({ KeyId: k.Arn, Tags: [{ TagKey: 'x', TagValue: 'y' }] }))]) {
      const a = await answerOf(call());
      kms.observe('answer', a);
      expect('status' in a && a.status, 'a client error').toBe(400);
    }
    expect((await describeKey(kms.primary, k.KeyId!)).KeyState).toBe('Enabled');
  },
);

requirement(
  {
    id: 'XACC-04',
    statement: "A bare key ID of another account's key is looked up in the caller's account: NotFoundException Key '<ARN in the caller's account>' does not exist",
    operation: 'DescribeKey',
    source: { url: 'https://github.com/ansible/ansible/issues/60773', section: 'AWS answer quoted in the issue (2019)', groundTruth: 'MGT-155' },
    evidence: 'recorded',
    strength: 'must',
  },
  async (kms) => {
    const other = otherAccount(kms);
    const k = await key(kms, 'XACC-04');
    const e = await expectKmsError(other.send(new DescribeKeyCommand({ KeyId: k.KeyId })), 'NotFoundException', 400);
    const otherAccountId = accountOf((await createKmsKey(other, 'XACC-04 probe')).Arn!);
    expect(e.message).toMatch(new RegExp(`^Key 'arn:aws[a-z-]*:kms:${kms.target.region}:${otherAccountId}:key/${k.KeyId}' does not exist$`));
  },
);

requirement(
  {
    id: 'XACC-05',
    statement: "Another account allowed by the key policy can use the key by an alias ARN of the key's account",
    operation: 'Encrypt',
    source: { url: apiRef('Encrypt'), section: 'Request Parameters: KeyId (another account: key ARN or alias ARN)', groundTruth: 'MGT-153' },
    evidence: 'documented',
    strength: 'must',
  },
  async (kms) => {
    const other = otherAccount(kms);
    const k = await key(kms, 'XACC-05');
    await put(kms.primary, k.KeyId!, policyOf(admin(k), allowOther(await otherRoot(kms, other), ['kms:Encrypt'])));
    const name = kms.aliasName('xacc');
    await kms.primary.send(new CreateAliasCommand({ AliasName: name, TargetKeyId: k.KeyId }));
    const aliasArn = k.Arn!.replace(/key\/.+$/, name);
    expect((await other.send(new EncryptCommand({ KeyId: aliasArn, Plaintext: Buffer.from('x') }))).KeyId).toBe(k.Arn);
  },
);
