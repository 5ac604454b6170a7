/**
 * Key policies and grants that really authorise, for the reference's two accounts (key-management
 * §2, §3, §9): the default policy, PutKeyPolicy's checks, Deny and condition statements, another
 * account's use by policy and by grant, grant constraints, tokens, retire and revoke.
 */
import {
  CreateGrantCommand,
  CreateKeyCommand,
  DecryptCommand,
  DescribeKeyCommand,
  DisableKeyCommand,
  EncryptCommand,
  GetKeyPolicyCommand,
  ListGrantsCommand,
  ListKeyPoliciesCommand,
  ListRetirableGrantsCommand,
  PutKeyPolicyCommand,
  RetireGrantCommand,
  RevokeGrantCommand,
  type KMSClient,
} from '@aws-sdk/client-kms';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PRIMARY_ACCOUNT, SECONDARY_ACCOUNT } from '../accounts.ts';
import { defaultPolicyText } from '../policy/document.ts';
import { expectKmsError } from '../test-support/expect-kms-error.ts';
import { createKey } from '../test-support/import-flow.ts';
import { startSdkTarget, type SdkTarget } from '../test-support/sdk-target.ts';

let target: SdkTarget;
let kms: KMSClient;
let other: KMSClient;
beforeAll(async () => {
  target = await startSdkTarget();
  kms = target.client();
  other = target.client({ credential: SECONDARY_ACCOUNT.credentials[0]! });
});
afterAll(() => target.close());

const ME = `arn:aws:iam::${PRIMARY_ACCOUNT.accountId}:root`;
const THEM = `arn:aws:iam::${SECONDARY_ACCOUNT.accountId}:root`;
const admin = { Sid: 'admin', Effect: 'Allow', Principal: { AWS: ME }, Action: 'kms:*', Resource: '*' };
const policy = (...statements: object[]) => JSON.stringify({ Version: '2012-10-17', Statement: statements });
const encrypt = (c: KMSClient, KeyId: string, EncryptionContext?: Record<string, string>) =>
  c.send(new EncryptCommand({ KeyId, Plaintext: Buffer.from('x'), ...(EncryptionContext && { EncryptionContext }) }));

describe('key policies', () => {
  it('a new key has the default policy, printed as AWS prints it, and lists one policy named default', async () => {
    const key = await createKey(kms, 'AWS_KMS');
    expect(await kms.send(new GetKeyPolicyCommand({ KeyId: key.KeyId }))).toMatchObject({ Policy: defaultPolicyText('aws', PRIMARY_ACCOUNT.accountId), PolicyName: 'default' });
    expect(await kms.send(new ListKeyPoliciesCommand({ KeyId: key.KeyId }))).toMatchObject({ PolicyNames: ['default'], Truncated: false });
  });

  it('PutKeyPolicy stores the text as given; the checks refuse lockout, unknown principals, non-JSON and AWS_RAM', async () => {
    const key = await createKey(kms, 'AWS_KMS');
    const text = `{"Statement":[${JSON.stringify(admin)}],  "Version":"2012-10-17"}`;
    await kms.send(new PutKeyPolicyCommand({ KeyId: key.KeyId, Policy: text }));
    expect((await kms.send(new GetKeyPolicyCommand({ KeyId: key.KeyId }))).Policy).toBe(text);
    const lockout = policy({ ...admin, Action: 'kms:Encrypt' });
    await expectKmsError(kms.send(new PutKeyPolicyCommand({ KeyId: key.KeyId, Policy: lockout })), 'MalformedPolicyDocumentException', 'The new key policy will not allow you to update the key policy in the future.');
    const stranger = policy(admin, { ...admin, Sid: 'x', Principal: { AWS: 'arn:aws:iam::999999999999:root' } });
    await expectKmsError(kms.send(new PutKeyPolicyCommand({ KeyId: key.KeyId, Policy: stranger })), 'MalformedPolicyDocumentException', 'Policy contains a statement with one or more invalid principals.');
    await expectKmsError(kms.send(new PutKeyPolicyCommand({ KeyId: key.KeyId, Policy: 'not json' })), 'MalformedPolicyDocumentException');
    await expectKmsError(kms.send(new PutKeyPolicyCommand({ KeyId: key.KeyId, Policy: text, PolicyName: 'AWS_RAM' })), 'ValidationException', 'The AWS_RAM policy can only be managed by the RAM service');
    await expectKmsError(kms.send(new CreateKeyCommand({ Policy: lockout })), 'MalformedPolicyDocumentException');
    await kms.send(new CreateKeyCommand({ Policy: lockout, BypassPolicyLockoutSafetyCheck: true }));
  });

  it('an explicit Deny refuses that operation only; a condition on the encryption context decides per request', async () => {
    const key = await createKey(kms, 'AWS_KMS');
    await kms.send(new PutKeyPolicyCommand({
      KeyId: key.KeyId,
      Policy: policy(admin, { Sid: 'no-disable', Effect: 'Deny', Principal: '*', Action: 'kms:Disable*', Resource: '*' }, {
        Sid: 'purpose', Effect: 'Deny', Principal: { AWS: '*' }, Action: ['kms:Encrypt'], Resource: '*',
        Condition: { StringNotEquals: { 'kms:EncryptionContext:purpose': 'ok' } },
      }),
    }));
    await expectKmsError(kms.send(new DisableKeyCommand({ KeyId: key.KeyId })), 'AccessDeniedException');
    await expectKmsError(encrypt(kms, key.KeyId!), 'AccessDeniedException');
    await expectKmsError(encrypt(kms, key.KeyId!, { purpose: 'other' }), 'AccessDeniedException');
    await expect(encrypt(kms, key.KeyId!, { purpose: 'ok' })).resolves.toMatchObject({ KeyId: key.Arn });
    await expect(kms.send(new DescribeKeyCommand({ KeyId: key.KeyId }))).resolves.toBeDefined();
  });
});

describe('another account', () => {
  it('is refused by the default policy, allowed by a statement for its account, and never for operations without cross-account use', async () => {
    const key = await createKey(kms, 'AWS_KMS');
    await expectKmsError(encrypt(other, key.Arn!), 'AccessDeniedException');
    await kms.send(new PutKeyPolicyCommand({ KeyId: key.KeyId, Policy: policy(admin, { Sid: 'them', Effect: 'Allow', Principal: { AWS: SECONDARY_ACCOUNT.accountId }, Action: ['kms:Encrypt', 'kms:Decrypt', 'kms:DisableKey'], Resource: '*' }) }));
    const { CiphertextBlob } = await encrypt(other, key.Arn!);
    // Symmetric ciphertext names its key: the other account decrypts it without a KeyId.
    expect(Buffer.from((await other.send(new DecryptCommand({ CiphertextBlob }))).Plaintext!).toString()).toBe('x');
    await expectKmsError(other.send(new DisableKeyCommand({ KeyId: key.Arn })), 'NotFoundException');
    await expectKmsError(encrypt(other, key.KeyId!), 'NotFoundException');
  });
});

describe('grants', () => {
  it('a grant to another account allows its operations at once, within its constraints, until revoked', async () => {
    const key = await createKey(kms, 'AWS_KMS');
    const { GrantId, GrantToken } = await kms.send(new CreateGrantCommand({
      KeyId: key.KeyId, GranteePrincipal: THEM, Operations: ['Encrypt', 'Decrypt'], Constraints: { EncryptionContextEquals: { tenant: 'a' } },
    }));
    expect(GrantId).toMatch(/^[0-9a-f]{64}$/);
    expect(GrantToken).toBeTruthy();
    await expect(encrypt(other, key.Arn!, { tenant: 'a' })).resolves.toBeDefined();
    await expect(other.send(new EncryptCommand({ KeyId: key.Arn, Plaintext: Buffer.from('x'), EncryptionContext: { tenant: 'a' }, GrantTokens: [GrantToken!] }))).resolves.toBeDefined();
    await expectKmsError(encrypt(other, key.Arn!, { tenant: 'b' }), 'AccessDeniedException');
    await expectKmsError(other.send(new DescribeKeyCommand({ KeyId: key.Arn })), 'AccessDeniedException');
    const listed = await kms.send(new ListGrantsCommand({ KeyId: key.KeyId }));
    expect(listed.Grants).toMatchObject([{ KeyId: key.Arn, GrantId, GranteePrincipal: THEM, IssuingAccount: ME, Operations: ['Encrypt', 'Decrypt'] }]);
    expect(listed.Grants?.[0]).not.toHaveProperty('Name');
    await kms.send(new RevokeGrantCommand({ KeyId: key.KeyId, GrantId }));
    await expectKmsError(encrypt(other, key.Arn!, { tenant: 'a' }), 'AccessDeniedException');
    await expectKmsError(encrypt(kms, key.KeyId!).then(() => kms.send(new EncryptCommand({ KeyId: key.KeyId, Plaintext: Buffer.from('x'), GrantTokens: [GrantToken!] }))), 'InvalidGrantTokenException');
    await expectKmsError(kms.send(new RevokeGrantCommand({ KeyId: key.KeyId, GrantId })), 'NotFoundException');
  });

  it('a Name makes CreateGrant idempotent; without one every call is a new grant', async () => {
    const key = await createKey(kms, 'AWS_KMS');
    const named = { KeyId: key.KeyId, GranteePrincipal: THEM, Operations: ['Decrypt' as const], Name: 'once' };
    const [a, b] = [await kms.send(new CreateGrantCommand(named)), await kms.send(new CreateGrantCommand(named))];
    expect(b.GrantId).toBe(a.GrantId);
    expect(b.GrantToken).not.toBe(a.GrantToken);
    await kms.send(new CreateGrantCommand({ ...named, Name: undefined }));
    await kms.send(new CreateGrantCommand({ ...named, Name: undefined }));
    expect((await kms.send(new ListGrantsCommand({ KeyId: key.KeyId }))).Grants).toHaveLength(3);
  });

  it('refuses grants of only CreateGrant, of operations the key cannot do, and of two context constraints', async () => {
    const key = await createKey(kms, 'AWS_KMS');
    const base = { KeyId: key.KeyId, GranteePrincipal: THEM };
    await expectKmsError(kms.send(new CreateGrantCommand({ ...base, Operations: ['CreateGrant'] })), 'ValidationException', 'Grants must not contain only the CreateGrant operation.');
    await expectKmsError(kms.send(new CreateGrantCommand({ ...base, Operations: ['Sign'] })), 'ValidationException');
    await expectKmsError(
      kms.send(new CreateGrantCommand({ ...base, Operations: ['Decrypt'], Constraints: { EncryptionContextEquals: { a: '1' }, EncryptionContextSubset: { a: '1' } } })),
      'ValidationException',
      'More than one constraint supplied',
    );
    await expectKmsError(kms.send(new CreateGrantCommand({ ...base, Operations: ['Decrypt'], DryRun: true })), 'DryRunOperationException');
    expect((await kms.send(new ListGrantsCommand({ KeyId: key.KeyId }))).Grants).toEqual([]);
  });

  it('the retiring principal lists and retires the grant, by token or by key and grant id', async () => {
    const key = await createKey(kms, 'AWS_KMS');
    const make = () => kms.send(new CreateGrantCommand({ KeyId: key.KeyId, GranteePrincipal: THEM, RetiringPrincipal: THEM, Operations: ['Decrypt'] }));
    const [a, b] = [await make(), await make()];
    const retirable = await other.send(new ListRetirableGrantsCommand({ RetiringPrincipal: THEM }));
    expect(retirable.Grants?.map((g) => g.GrantId).sort()).toEqual([a.GrantId, b.GrantId].sort());
    await other.send(new RetireGrantCommand({ GrantToken: a.GrantToken }));
    await other.send(new RetireGrantCommand({ KeyId: key.Arn, GrantId: b.GrantId }));
    expect((await kms.send(new ListGrantsCommand({ KeyId: key.KeyId }))).Grants).toEqual([]);
    await expectKmsError(other.send(new RetireGrantCommand({ GrantToken: a.GrantToken })), 'InvalidGrantTokenException');
  });
});
