/**
 * Grants: CreateGrant, ListGrants, ListRetirableGrants, RetireGrant and RevokeGrant, and grants that
 * really give another account the use of a key (key-management ground truth §3, §9, requirements
 * MGT-054…MGT-080). AWS documents grants as eventually consistent ("usually less than five minutes"):
 * against a target that declares it, listings and refusals are polled boundedly and the grantee uses
 * the grant token for immediate use; against any other target a listing or an authorisation that
 * lags is a finding, so it is read once.
 * The grantee and retiring principals are account root ARNs, the account taken from a key ARN the
 * principal created. Against AWS the secondary principal also needs IAM permission for the key.
 * @see https://docs.aws.amazon.com/kms/latest/developerguide/grants.html
 */
import { randomBytes } from 'node:crypto';
import {
  CreateGrantCommand,
  DecryptCommand,
  DisableKeyCommand,
  EncryptCommand,
  ListGrantsCommand,
  ListRetirableGrantsCommand,
  RetireGrantCommand,
  RevokeGrantCommand,
  ScheduleKeyDeletionCommand,
  type CreateGrantCommandInput,
  type GrantListEntry,
  type GrantOperation,
  type KeyMetadata,
  type KMSClient,
} from '@aws-sdk/client-kms';
import { expect } from 'vitest';
import { asyncWaitMs, createKeyOf, createKmsKey, describeKey, eventually } from '#harness/kms/index.ts';
import { answerOf, apiRef, DEV_GUIDE, expectClientError, expectKmsError, isError, members, recorded, requirement, type SpecContext } from '#harness/spec/index.ts';

const GRANTS_DOC = `${DEV_GUIDE}/grants.html`;
const KEY_STATE = `${DEV_GUIDE}/key-state.html`;
const GRANT_LIST_ENTRY = 'https://docs.aws.amazon.com/kms/latest/APIReference/API_GrantListEntry.html';
const PROBE = Buffer.from('kms-conformance grant probe');

/** AWS: a grant is effective everywhere in "usually less than five minutes". */
const GRANT_WAIT_MS = 300_000;
/** How long to poll: the documented delay against an eventually consistent target, nothing (one read) elsewhere. */
const grantWait = (c: KMSClient) => asyncWaitMs(c, GRANT_WAIT_MS, 0);
/** Room for a few bounded waits against AWS; local targets finish in well under a second. */
const WAITING = { timeout: 4 * GRANT_WAIT_MS };

const partitionOf = (arn: string) => arn.split(':')[1]!;
const accountOf = (arn: string) => arn.split(':')[4]!;
/** The root principal of the account that owns `keyArn`. */
const rootOf = (keyArn: string) => `arn:${partitionOf(keyArn)}:iam::${accountOf(keyArn)}:root`;

/** Account root ARNs of principals, learnt from a key each created (no STS here). */
const roots = new WeakMap<KMSClient, string>();
async function rootOfPrincipal(c: KMSClient, label: string): Promise<string> {
  let root = roots.get(c);
  if (!root) {
    root = rootOf((await createKmsKey(c, `${label} account probe`)).Arn!);
    roots.set(c, root);
  }
  return root;
}

/** The secondary principal's client and account root; not applicable to a single-account target. */
async function otherAccount(kms: SpecContext, label: string): Promise<{ other: KMSClient; otherRoot: string }> {
  const other = kms.secondary ?? kms.notApplicable('the target has one account');
  return { other, otherRoot: await rootOfPrincipal(other, label) };
}

const key = (kms: SpecContext, label: string) => createKmsKey(kms.primary, label);

/** CreateGrant on `k` for `grantee` (default: the key's own account root). */
const grant = (c: KMSClient, k: KeyMetadata, Operations: GrantOperation[], extra: Partial<CreateGrantCommandInput> = {}) =>
  c.send(new CreateGrantCommand({ KeyId: k.KeyId, GranteePrincipal: rootOf(k.Arn!), Operations, ...extra }));

/** Every grant of a key, all pages. */
async function listGrants(c: KMSClient, KeyId: string, filter: { GrantId?: string; GranteePrincipal?: string } = {}): Promise<GrantListEntry[]> {
  const all: GrantListEntry[] = [];
  let Marker: string | undefined;
  for (let page = 0; page < 100; page++) {
    const out = await c.send(new ListGrantsCommand({ KeyId, Limit: 100, ...filter, ...(Marker && { Marker }) }));
    all.push(...(out.Grants ?? []));
    Marker = out.Truncated ? out.NextMarker : undefined;
    if (!Marker) break;
  }
  return all;
}

/** The key's grants once `until` holds (polled only against an eventually consistent target). */
const grantsWhen = (c: KMSClient, KeyId: string, until: (g: GrantListEntry[]) => boolean, filter: { GrantId?: string; GranteePrincipal?: string } = {}) =>
  eventually(() => listGrants(c, KeyId, filter), { until, timeoutMs: grantWait(c), intervalMs: 5_000 });

const idsOf = (grants: GrantListEntry[]) => grants.map((g) => g.GrantId).sort();
const listing = (id: string | undefined) => (g: GrantListEntry[]) => g.some((x) => x.GrantId === id);
const notListing = (id: string | undefined) => (g: GrantListEntry[]) => !g.some((x) => x.GrantId === id);

const encryptAs = (c: KMSClient, keyArn: string, o: { context?: Record<string, string>; tokens?: string[] } = {}) =>
  c.send(new EncryptCommand({ KeyId: keyArn, Plaintext: PROBE, ...(o.context && { EncryptionContext: o.context }), ...(o.tokens && { GrantTokens: o.tokens }) }));

/** Retries a refusal that may only mean the grant is not effective yet (AWS), boundedly. */
const onceEffective = <T>(c: KMSClient, call: () => Promise<T>) =>
  eventually(call, { retryOn: (e) => ['AccessDeniedException', 'NotFoundException'].includes((e as Error)?.name), timeoutMs: grantWait(c), intervalMs: 5_000 });

requirement(
  {
    id: 'GRANT-01',
    statement: "CreateGrant by bare key ID for the caller's account, Operations Decrypt and Encrypt, answers a GrantId and a GrantToken, and ListGrants then lists exactly one grant more, that GrantId",
    operation: 'CreateGrant',
    source: recorded('TestKMS::test_create_grant_with_valid_key', undefined, 'validated 2024-04-11', 'MGT-054'),
    evidence: 'recorded',
    strength: 'must',
  },
  async (kms) => {
    const k = await key(kms, 'GRANT-01');
    const before = await listGrants(kms.primary, k.KeyId!);
    const out = await grant(kms.primary, k, ['Decrypt', 'Encrypt']);
    expect({ grantId: typeof out.GrantId, token: typeof out.GrantToken }).toEqual({ grantId: 'string', token: 'string' });
    const after = await grantsWhen(kms.primary, k.KeyId!, listing(out.GrantId));
    expect(idsOf(after)).toEqual([...idsOf(before), out.GrantId].sort());
  },
  WAITING,
);

requirement(
  {
    id: 'GRANT-02',
    statement: 'The GrantId is 64 lower-case hex characters and the GrantToken a non-empty string of at most 8192 characters',
    operation: 'CreateGrant',
    source: { url: apiRef('CreateGrant'), section: 'Response Elements (GrantToken 1–8192); Examples (GrantId)', groundTruth: 'MGT-055' },
    evidence: 'documented',
    strength: 'should',
  },
  async (kms) => {
    const k = await key(kms, 'GRANT-02');
    const out = await grant(kms.primary, k, ['Encrypt']);
    expect(out.GrantId).toMatch(/^[0-9a-f]{64}$/);
    expect(out.GrantToken?.length ?? 0).toBeGreaterThan(0);
    expect(out.GrantToken!.length).toBeLessThanOrEqual(8192);
  },
);

requirement(
  {
    id: 'GRANT-03',
    statement: "A ListGrants entry carries the key ARN as KeyId, the GrantId, GranteePrincipal and Operations as requested, the caller's account root ARN as IssuingAccount and a CreationDate, and no RetiringPrincipal or Constraints when none were set",
    operation: 'ListGrants',
    source: { url: GRANT_LIST_ENTRY, section: 'GrantListEntry members; ListGrants example', groundTruth: 'MGT-069' },
    evidence: 'documented',
    strength: 'must',
  },
  async (kms) => {
    const k = await key(kms, 'GRANT-03');
    const root = rootOf(k.Arn!);
    const out = await grant(kms.primary, k, ['Encrypt', 'Decrypt']);
    const entry = (await grantsWhen(kms.primary, k.KeyId!, listing(out.GrantId))).find((g) => g.GrantId === out.GrantId);
    expect({
      KeyId: entry?.KeyId,
      GrantId: entry?.GrantId,
      GranteePrincipal: entry?.GranteePrincipal,
      IssuingAccount: entry?.IssuingAccount,
      Operations: [...(entry?.Operations ?? [])].sort(),
      CreationDate: entry?.CreationDate instanceof Date,
      RetiringPrincipal: entry?.RetiringPrincipal,
      Constraints: entry?.Constraints,
    }).toEqual({
      KeyId: k.Arn,
      GrantId: out.GrantId,
      GranteePrincipal: root,
      IssuingAccount: root,
      Operations: ['Decrypt', 'Encrypt'],
      CreationDate: true,
      RetiringPrincipal: undefined,
      Constraints: undefined,
    });
    // Whether AWS sends no Name or an empty one for an unnamed grant is not known (MGT-069).
    kms.observe('Name of an unnamed grant', entry?.Name === undefined ? '(absent)' : entry.Name);
    kms.observe('entry members', entry ? members(entry) : null);
  },
  WAITING,
);

requirement(
  {
    id: 'GRANT-04',
    statement: 'A second CreateGrant with the same Name and the same parameters answers the same GrantId with another GrantToken, and the key lists one grant, carrying that Name',
    operation: 'CreateGrant',
    source: { url: apiRef('CreateGrant'), section: 'Request Parameters: Name', groundTruth: 'MGT-056' },
    evidence: 'documented',
    strength: 'must',
  },
  async (kms) => {
    const k = await key(kms, 'GRANT-04');
    const Name = 'kms-conformance-GRANT-04';
    const first = await grant(kms.primary, k, ['Encrypt', 'Decrypt'], { Name });
    const second = await grant(kms.primary, k, ['Encrypt', 'Decrypt'], { Name });
    expect(second.GrantId, 'the same grant').toBe(first.GrantId);
    expect(second.GrantToken, 'a new token').not.toBe(first.GrantToken);
    const grants = await grantsWhen(kms.primary, k.KeyId!, listing(first.GrantId));
    expect(grants.map((g) => ({ id: g.GrantId, name: g.Name }))).toEqual([{ id: first.GrantId, name: Name }]);
  },
  WAITING,
);

requirement(
  {
    id: 'GRANT-05',
    statement: 'The same grant Name used on two keys gives one grant on each key',
    operation: 'CreateGrant',
    source: recorded('TestKMS::test_create_grant_with_same_name_two_keys', undefined, 'validated 2024-04-11', 'MGT-057'),
    evidence: 'recorded',
    strength: 'must',
  },
  async (kms) => {
    const Name = 'kms-conformance-GRANT-05';
    for (const k of [await key(kms, 'GRANT-05'), await key(kms, 'GRANT-05')]) {
      const out = await grant(kms.primary, k, ['Decrypt', 'DescribeKey'], { Name });
      expect(typeof out.GrantId, 'a GrantId').toBe('string');
      expect(idsOf(await grantsWhen(kms.primary, k.KeyId!, listing(out.GrantId))), k.KeyId).toEqual([out.GrantId]);
    }
  },
  WAITING,
);

requirement(
  {
    id: 'GRANT-06',
    statement: 'Without a Name, two identical CreateGrant calls create two grants with different GrantIds',
    operation: 'CreateGrant',
    source: { url: apiRef('CreateGrant'), section: 'Request Parameters: Name (without a name every call creates a grant)', groundTruth: 'MGT-058' },
    evidence: 'documented',
    strength: 'must',
  },
  async (kms) => {
    const k = await key(kms, 'GRANT-06');
    const a = await grant(kms.primary, k, ['Encrypt']);
    const b = await grant(kms.primary, k, ['Encrypt']);
    expect(b.GrantId).not.toBe(a.GrantId);
    const grants = await grantsWhen(kms.primary, k.KeyId!, (g) => listing(a.GrantId)(g) && listing(b.GrantId)(g));
    expect(idsOf(grants)).toEqual([a.GrantId, b.GrantId].sort());
  },
  WAITING,
);

requirement(
  {
    id: 'GRANT-07',
    statement: 'CreateGrant with Operations CreateGrant alone answers ValidationException (HTTP 400)',
    operation: 'CreateGrant',
    source: { url: 'https://github.com/ansible/ansible/pull/31960', section: 'AWS answer quoted in the pull request (2019)', groundTruth: 'MGT-063' },
    evidence: 'recorded',
    strength: 'must',
  },
  async (kms) => {
    const k = await key(kms, 'GRANT-07');
    await expectKmsError(grant(kms.primary, k, ['CreateGrant']), 'ValidationException', 400);
  },
);

requirement(
  {
    id: 'GRANT-08',
    statement: 'That refusal reads "Grants must not contain only the CreateGrant operation."',
    operation: 'CreateGrant',
    source: { url: 'https://github.com/ansible/ansible/pull/31960', section: 'AWS answer quoted in the pull request (2019)', groundTruth: 'MGT-063' },
    evidence: 'recorded',
    strength: 'should',
  },
  async (kms) => {
    const k = await key(kms, 'GRANT-08');
    const e = await expectKmsError(grant(kms.primary, k, ['CreateGrant']), 'ValidationException');
    expect(e.message).toBe('Grants must not contain only the CreateGrant operation.');
  },
);

requirement(
  {
    id: 'GRANT-09',
    statement: 'A grant for an operation the key type cannot do (Sign on a symmetric encryption key, GenerateDataKey on an RSA encryption key) answers ValidationException (HTTP 400)',
    operation: 'CreateGrant',
    source: { url: apiRef('CreateGrant'), section: 'Request Parameters: Operations (must be supported by the key type)', groundTruth: 'MGT-062' },
    evidence: 'documented',
    strength: 'must',
  },
  async (kms) => {
    const symmetric = await key(kms, 'GRANT-09');
    const rsa = await createKeyOf(kms.primary, 'RSA_2048', 'ENCRYPT_DECRYPT', { description: 'GRANT-09' });
    for (const [k, op] of [[symmetric, 'Sign'], [rsa, 'GenerateDataKey']] as const) {
      const e = await expectKmsError(grant(kms.primary, k, [op]), 'ValidationException', 400);
      kms.observe(`message for ${op} on ${k.KeySpec}`, e.message ?? null);
    }
  },
);

requirement(
  {
    id: 'GRANT-10',
    statement: 'A grant with both EncryptionContextEquals and EncryptionContextSubset constraints answers ValidationException (HTTP 400)',
    operation: 'CreateGrant',
    source: { url: 'https://github.com/aws/aws-sdk-java/issues/328', section: 'AWS answer quoted in the issue (2014)', groundTruth: 'MGT-064' },
    evidence: 'recorded',
    strength: 'must',
  },
  async (kms) => {
    const k = await key(kms, 'GRANT-10');
    const Constraints = { EncryptionContextEquals: { tenant: 'a' }, EncryptionContextSubset: { tenant: 'a' } };
    await expectKmsError(grant(kms.primary, k, ['Encrypt'], { Constraints }), 'ValidationException', 400);
  },
);

requirement(
  {
    id: 'GRANT-11',
    statement: 'That refusal reads "More than one constraint supplied"',
    operation: 'CreateGrant',
    source: { url: 'https://github.com/aws/aws-sdk-java/issues/328', section: 'AWS answer quoted in the issue (2014)', groundTruth: 'MGT-064' },
    evidence: 'recorded',
    strength: 'should',
  },
  async (kms) => {
    const k = await key(kms, 'GRANT-11');
    const Constraints = { EncryptionContextEquals: { tenant: 'a' }, EncryptionContextSubset: { tenant: 'a' } };
    const e = await expectKmsError(grant(kms.primary, k, ['Encrypt'], { Constraints }), 'ValidationException');
    expect(e.message).toBe('More than one constraint supplied');
  },
);

requirement(
  {
    id: 'GRANT-12',
    statement: 'An Operations value outside the GrantOperation enum answers ValidationException (HTTP 400)',
    operation: 'CreateGrant',
    source: { url: apiRef('CreateGrant'), section: 'Request Parameters: Operations (valid values)', groundTruth: 'MGT-061' },
    evidence: 'documented',
    strength: 'must',
  },
  async (kms) => {
    const k = await key(kms, 'GRANT-12');
    const e = await expectKmsError(grant(kms.primary, k, ['Encrypt', 'Frobnicate' as GrantOperation]), 'ValidationException', 400);
    kms.observe('message', e.message ?? null);
  },
);

requirement(
  {
    id: 'GRANT-13',
    statement: 'CreateGrant with 11 GrantTokens, one more than allowed, answers ValidationException (HTTP 400)',
    operation: 'CreateGrant',
    source: { url: apiRef('CreateGrant'), section: 'Request Parameters: GrantTokens (at most 10)', groundTruth: 'MGT-066' },
    evidence: 'documented',
    strength: 'must',
  },
  async (kms) => {
    const k = await key(kms, 'GRANT-13');
    const GrantTokens = Array.from({ length: 11 }, () => randomBytes(48).toString('base64'));
    const e = await expectKmsError(grant(kms.primary, k, ['Encrypt'], { GrantTokens }), 'ValidationException', 400);
    kms.observe('message', e.message ?? null);
  },
);

requirement(
  {
    id: 'GRANT-14',
    statement: 'CreateGrant and ListGrants with KeyId "invalid" answer NotFoundException (HTTP 400)',
    operation: 'CreateGrant',
    source: recorded('TestKMS::test_create_grant_with_invalid_key, test_list_grants_with_invalid_key', undefined, 'validated 2024-04-11', 'MGT-067'),
    evidence: 'recorded',
    strength: 'must',
  },
  async (kms) => {
    const root = await rootOfPrincipal(kms.primary, 'GRANT-14');
    const created = await expectKmsError(kms.primary.send(new CreateGrantCommand({ KeyId: 'invalid', GranteePrincipal: root, Operations: ['Decrypt', 'Encrypt'] })), 'NotFoundException', 400);
    kms.observe('CreateGrant message', created.message ?? null);
    const listed = await expectKmsError(kms.primary.send(new ListGrantsCommand({ KeyId: 'invalid' })), 'NotFoundException', 400);
    kms.observe('ListGrants message', listed.message ?? null);
  },
);

requirement(
  {
    id: 'GRANT-15',
    statement: 'CreateGrant on a Disabled key answers DisabledException, and on a key pending deletion KMSInvalidStateException or DisabledException (HTTP 400)',
    operation: 'CreateGrant',
    source: { url: KEY_STATE, section: 'CreateGrant row: Disabled [1], PendingDeletion [2] or [3]', groundTruth: 'MGT-068' },
    evidence: 'documented',
    strength: 'must',
  },
  async (kms) => {
    const disabled = await key(kms, 'GRANT-15');
    await kms.primary.send(new DisableKeyCommand({ KeyId: disabled.KeyId }));
    await describeKey(kms.primary, disabled.KeyId!, { settledIn: ['Disabled'] });
    const d = await expectKmsError(grant(kms.primary, disabled, ['Encrypt']), 'DisabledException', 400);
    kms.observe('Disabled message', d.message ?? null);
    const deleting = await key(kms, 'GRANT-15');
    await kms.primary.send(new ScheduleKeyDeletionCommand({ KeyId: deleting.KeyId, PendingWindowInDays: 7 }));
    await describeKey(kms.primary, deleting.KeyId!, { settledIn: ['PendingDeletion'] });
    const p = await expectClientError(grant(kms.primary, deleting, ['Encrypt']), { codes: ['KMSInvalidStateException', 'DisabledException'], status: 400 });
    kms.observe('PendingDeletion answer', p);
  },
);

requirement(
  {
    id: 'GRANT-16',
    statement: "ListGrants with GrantId lists only that grant, and with GranteePrincipal only that grantee's grants",
    operation: 'ListGrants',
    source: { url: apiRef('ListGrants'), section: 'Request Parameters: GrantId, GranteePrincipal', groundTruth: 'MGT-070' },
    evidence: 'documented',
    strength: 'must',
  },
  async (kms) => {
    const k = await key(kms, 'GRANT-16');
    const mine = rootOf(k.Arn!);
    const a = await grant(kms.primary, k, ['Encrypt']);
    const b = await grant(kms.primary, k, ['Decrypt']);
    // Another grantee: the secondary account when there is one; otherwise a grantee nobody has a grant for.
    const other = kms.secondary ? await rootOfPrincipal(kms.secondary, 'GRANT-16') : `arn:${partitionOf(k.Arn!)}:iam::${accountOf(k.Arn!) === '123456789012' ? '210987654321' : '123456789012'}:root`;
    const c = kms.secondary ? await grant(kms.primary, k, ['Encrypt'], { GranteePrincipal: other }) : undefined;
    const expectedMine = [a.GrantId, b.GrantId].sort();
    const expectedOther = c ? [c.GrantId] : [];
    const same = (want: (string | undefined)[]) => (g: GrantListEntry[]) => JSON.stringify(idsOf(g)) === JSON.stringify(want);
    expect(idsOf(await grantsWhen(kms.primary, k.KeyId!, same([a.GrantId]), { GrantId: a.GrantId })), 'GrantId filter').toEqual([a.GrantId]);
    expect(idsOf(await grantsWhen(kms.primary, k.KeyId!, same(expectedMine), { GranteePrincipal: mine })), 'GranteePrincipal filter, the caller').toEqual(expectedMine);
    expect(idsOf(await grantsWhen(kms.primary, k.KeyId!, same(expectedOther), { GranteePrincipal: other })), 'GranteePrincipal filter, the other grantee').toEqual(expectedOther);
  },
  WAITING,
);

requirement(
  {
    id: 'GRANT-17',
    statement: 'ListRetirableGrants with a RetiringPrincipal lists the grants whose retiring principal it is, with their key ARN, and not grants without one',
    operation: 'ListRetirableGrants',
    source: { url: apiRef('ListRetirableGrants'), section: 'Description; Request Parameters: RetiringPrincipal', groundTruth: 'MGT-077' },
    evidence: 'documented',
    strength: 'must',
  },
  async (kms) => {
    const k = await key(kms, 'GRANT-17');
    const root = rootOf(k.Arn!);
    const retirable = await grant(kms.primary, k, ['Encrypt'], { RetiringPrincipal: root });
    const plain = await grant(kms.primary, k, ['Decrypt']);
    const retirableGrants = async () => {
      const all: GrantListEntry[] = [];
      let Marker: string | undefined;
      for (let page = 0; page < 100; page++) {
        const out = await kms.primary.send(new ListRetirableGrantsCommand({ RetiringPrincipal: root, Limit: 100, ...(Marker && { Marker }) }));
        all.push(...(out.Grants ?? []));
        Marker = out.Truncated ? out.NextMarker : undefined;
        if (!Marker) break;
      }
      return all;
    };
    const listed = await eventually(retirableGrants, { until: listing(retirable.GrantId), timeoutMs: grantWait(kms.primary), intervalMs: 5_000 });
    const entry = listed.find((g) => g.GrantId === retirable.GrantId);
    expect({ KeyId: entry?.KeyId, RetiringPrincipal: entry?.RetiringPrincipal }).toEqual({ KeyId: k.Arn, RetiringPrincipal: root });
    expect(listed.map((g) => g.GrantId), 'the grant without a retiring principal').not.toContain(plain.GrantId);
  },
  WAITING,
);

requirement(
  {
    id: 'GRANT-18',
    statement: 'RevokeGrant by key ID and GrantId answers no members, and ListGrants no longer lists the grant',
    operation: 'RevokeGrant',
    source: recorded('TestKMS::test_revoke_grant', undefined, 'validated 2024-04-11', 'MGT-071'),
    evidence: 'recorded',
    strength: 'must',
  },
  async (kms) => {
    const k = await key(kms, 'GRANT-18');
    const g = await grant(kms.primary, k, ['Decrypt', 'Encrypt']);
    await grantsWhen(kms.primary, k.KeyId!, listing(g.GrantId));
    const out = await kms.primary.send(new RevokeGrantCommand({ KeyId: k.KeyId, GrantId: g.GrantId }));
    expect(members(out)).toEqual([]);
    expect(idsOf(await grantsWhen(kms.primary, k.KeyId!, notListing(g.GrantId)))).not.toContain(g.GrantId);
  },
  WAITING,
);

requirement(
  {
    id: 'GRANT-19',
    statement: 'RevokeGrant of a well-formed GrantId that names no grant of the key answers NotFoundException (HTTP 400)',
    operation: 'RevokeGrant',
    source: { url: 'https://github.com/getmoto/moto/issues/5411', section: 'AWS answer quoted in the issue (2022)', groundTruth: 'MGT-072' },
    evidence: 'recorded',
    strength: 'must',
  },
  async (kms) => {
    const k = await key(kms, 'GRANT-19');
    const e = await expectKmsError(kms.primary.send(new RevokeGrantCommand({ KeyId: k.KeyId, GrantId: randomBytes(32).toString('hex') })), 'NotFoundException', 400);
    kms.observe('message', e.message ?? null);
  },
);

requirement(
  {
    id: 'GRANT-20',
    statement: 'RetireGrant naming the grant by its GrantToken retires it: ListGrants no longer lists it',
    operation: 'RetireGrant',
    source: recorded('TestKMS::test_retire_grant_with_grant_token', undefined, 'validated 2024-04-11', 'MGT-073'),
    evidence: 'recorded',
    strength: 'must',
  },
  async (kms) => {
    const k = await key(kms, 'GRANT-20');
    const g = await grant(kms.primary, k, ['Decrypt', 'Encrypt']);
    await grantsWhen(kms.primary, k.KeyId!, listing(g.GrantId));
    // The harness refuses RetireGrant without a KeyId (a token alone could name any key): the key ARN goes along, no GrantId.
    await kms.primary.send(new RetireGrantCommand({ GrantToken: g.GrantToken, KeyId: k.Arn }));
    expect(idsOf(await grantsWhen(kms.primary, k.KeyId!, notListing(g.GrantId)))).not.toContain(g.GrantId);
  },
  WAITING,
);

requirement(
  {
    id: 'GRANT-21',
    statement: 'RetireGrant naming the grant by the key ARN and its GrantId retires it: ListGrants no longer lists it',
    operation: 'RetireGrant',
    source: { url: apiRef('RetireGrant'), section: 'Description; Request Parameters: KeyId (key ARN), GrantId', groundTruth: 'MGT-074' },
    evidence: 'documented',
    strength: 'must',
  },
  async (kms) => {
    const k = await key(kms, 'GRANT-21');
    const g = await grant(kms.primary, k, ['Decrypt', 'Encrypt']);
    await grantsWhen(kms.primary, k.KeyId!, listing(g.GrantId));
    await kms.primary.send(new RetireGrantCommand({ KeyId: k.Arn, GrantId: g.GrantId }));
    expect(idsOf(await grantsWhen(kms.primary, k.KeyId!, notListing(g.GrantId)))).not.toContain(g.GrantId);
  },
  WAITING,
);

requirement(
  {
    id: 'GRANT-22',
    statement: "RetireGrant with a KeyId but neither a GrantToken nor a GrantId is refused with a client error, and the key's grant stays",
    operation: 'RetireGrant',
    source: { url: apiRef('RetireGrant'), section: 'Description (identify the grant by its token, or by grant ID and key ARN)', groundTruth: 'MGT-075' },
    evidence: 'documented',
    strength: 'must',
  },
  async (kms) => {
    const k = await key(kms, 'GRANT-22');
    const g = await grant(kms.primary, k, ['Encrypt']);
    await grantsWhen(kms.primary, k.KeyId!, listing(g.GrantId));
    const e = await expectClientError(kms.primary.send(new RetireGrantCommand({ KeyId: k.Arn })));
    kms.observe('answer', e);
    expect(idsOf(await listGrants(kms.primary, k.KeyId!))).toContain(g.GrantId);
  },
  WAITING,
);

requirement(
  {
    id: 'GRANT-23',
    statement: "On a Disabled key, ListGrants still lists the key's grants, and RetireGrant and RevokeGrant still remove them",
    operation: 'ListGrants',
    source: { url: KEY_STATE, section: 'ListGrants, RetireGrant, RevokeGrant rows: every key state', groundTruth: 'MGT-076' },
    evidence: 'documented',
    strength: 'must',
  },
  async (kms) => {
    const k = await key(kms, 'GRANT-23');
    const a = await grant(kms.primary, k, ['Encrypt']);
    const b = await grant(kms.primary, k, ['Decrypt']);
    await kms.primary.send(new DisableKeyCommand({ KeyId: k.KeyId }));
    await describeKey(kms.primary, k.KeyId!, { settledIn: ['Disabled'] });
    const both = await grantsWhen(kms.primary, k.KeyId!, (g) => listing(a.GrantId)(g) && listing(b.GrantId)(g));
    expect(idsOf(both), 'listed while Disabled').toEqual([a.GrantId, b.GrantId].sort());
    await kms.primary.send(new RetireGrantCommand({ KeyId: k.Arn, GrantId: a.GrantId }));
    await kms.primary.send(new RevokeGrantCommand({ KeyId: k.KeyId, GrantId: b.GrantId }));
    expect(await grantsWhen(kms.primary, k.KeyId!, (g) => g.length === 0), 'after RetireGrant and RevokeGrant').toEqual([]);
  },
  WAITING,
);

requirement(
  {
    id: 'GRANT-24',
    statement: "DryRun on CreateGrant, RetireGrant and RevokeGrant answers DryRunOperationException (HTTP 400), and the key's grants stay as they were",
    operation: 'CreateGrant',
    source: { url: apiRef('CreateGrant'), section: 'Request Parameters: DryRun; Errors: DryRunOperationException (also RetireGrant, RevokeGrant)', groundTruth: 'MGT-078' },
    evidence: 'documented',
    strength: 'must',
  },
  async (kms) => {
    const k = await key(kms, 'GRANT-24');
    const g = await grant(kms.primary, k, ['Encrypt']);
    await grantsWhen(kms.primary, k.KeyId!, listing(g.GrantId));
    const created = await expectKmsError(grant(kms.primary, k, ['Decrypt'], { DryRun: true }), 'DryRunOperationException', 400);
    const retired = await expectKmsError(kms.primary.send(new RetireGrantCommand({ KeyId: k.Arn, GrantId: g.GrantId, DryRun: true })), 'DryRunOperationException', 400);
    const revoked = await expectKmsError(kms.primary.send(new RevokeGrantCommand({ KeyId: k.KeyId, GrantId: g.GrantId, DryRun: true })), 'DryRunOperationException', 400);
    kms.observe('messages', { CreateGrant: created.message ?? null, RetireGrant: retired.message ?? null, RevokeGrant: revoked.message ?? null });
    expect(idsOf(await listGrants(kms.primary, k.KeyId!))).toEqual([g.GrantId]);
  },
  WAITING,
);

requirement(
  {
    id: 'GRANT-25',
    statement: "Another account is refused Encrypt with a key's ARN until the owner grants Encrypt and Decrypt to that account's root; then it can Encrypt and Decrypt with the key ARN, without a grant token",
    operation: 'Encrypt',
    source: { url: GRANTS_DOC, section: 'Grants in AWS KMS (grantee principals in other accounts; eventual consistency)', groundTruth: 'MGT-080, MGT-153' },
    evidence: 'documented',
    strength: 'must',
  },
  async (kms) => {
    const { other, otherRoot } = await otherAccount(kms, 'GRANT-25');
    const k = await key(kms, 'GRANT-25');
    const before = await expectClientError(encryptAs(other, k.Arn!));
    kms.observe('answer before the grant', before);
    await grant(kms.primary, k, ['Encrypt', 'Decrypt'], { GranteePrincipal: otherRoot });
    const out = await onceEffective(other, () => encryptAs(other, k.Arn!));
    expect(out.KeyId, 'Encrypt answers the key ARN').toBe(k.Arn);
    const plain = await onceEffective(other, () => other.send(new DecryptCommand({ KeyId: k.Arn, CiphertextBlob: out.CiphertextBlob })));
    expect(Buffer.from(plain.Plaintext!).equals(PROBE), 'Decrypt gives the plaintext back').toBe(true);
  },
  WAITING,
);

requirement(
  {
    id: 'GRANT-26',
    statement: 'The grantee can use a grant at once, without waiting for it to take effect, by passing its GrantToken in GrantTokens',
    operation: 'Encrypt',
    source: { url: GRANTS_DOC, section: 'Grant token; Eventual consistency', groundTruth: 'MGT-080' },
    evidence: 'documented',
    strength: 'must',
  },
  async (kms) => {
    const { other, otherRoot } = await otherAccount(kms, 'GRANT-26');
    const k = await key(kms, 'GRANT-26');
    const g = await grant(kms.primary, k, ['Encrypt'], { GranteePrincipal: otherRoot });
    const out = await encryptAs(other, k.Arn!, { tokens: [g.GrantToken!] });
    expect(out.KeyId).toBe(k.Arn);
  },
);

requirement(
  {
    id: 'GRANT-27',
    statement: 'A grant constrained by EncryptionContextEquals {tenant: a} lets the grantee Encrypt with that context and refuses Encrypt with another context',
    operation: 'Encrypt',
    source: { url: apiRef('CreateGrant'), section: 'Request Parameters: Constraints (EncryptionContextEquals)', groundTruth: 'MGT-080' },
    evidence: 'documented',
    strength: 'must',
  },
  async (kms) => {
    const { other, otherRoot } = await otherAccount(kms, 'GRANT-27');
    const k = await key(kms, 'GRANT-27');
    const g = await grant(kms.primary, k, ['Encrypt'], { GranteePrincipal: otherRoot, Constraints: { EncryptionContextEquals: { tenant: 'a' } } });
    const tokens = [g.GrantToken!];
    const allowed = await encryptAs(other, k.Arn!, { context: { tenant: 'a' }, tokens });
    expect(allowed.KeyId, 'the constraining context').toBe(k.Arn);
    const refused = await expectClientError(encryptAs(other, k.Arn!, { context: { tenant: 'b' }, tokens }));
    kms.observe('another context', refused);
  },
);

requirement(
  {
    id: 'GRANT-28',
    statement: "After the owner revokes the grant, the other account's Encrypt with the key ARN is refused again",
    operation: 'RevokeGrant',
    source: { url: apiRef('RevokeGrant'), section: 'Description (revoking removes the permissions; eventual consistency)', groundTruth: 'MGT-071, MGT-080' },
    evidence: 'documented',
    strength: 'must',
  },
  async (kms) => {
    const { other, otherRoot } = await otherAccount(kms, 'GRANT-28');
    const k = await key(kms, 'GRANT-28');
    const g = await grant(kms.primary, k, ['Encrypt'], { GranteePrincipal: otherRoot });
    await onceEffective(other, () => encryptAs(other, k.Arn!));
    await kms.primary.send(new RevokeGrantCommand({ KeyId: k.KeyId, GrantId: g.GrantId }));
    const after = await eventually(() => answerOf(encryptAs(other, k.Arn!)), { until: isError, timeoutMs: grantWait(other), intervalMs: 5_000 });
    kms.observe('answer after the revocation', after);
    expect(isError(after) && after.status !== undefined && after.status >= 400 && after.status < 500, 'a client error').toBe(true);
  },
  WAITING,
);

requirement(
  {
    id: 'GRANT-29',
    statement: "Another account can RetireGrant, by key ARN and GrantId, a grant whose RetiringPrincipal is its root, and the key no longer lists it",
    operation: 'RetireGrant',
    source: { url: apiRef('RetireGrant'), section: 'Description (the retiring principal may retire; cross-account use)', groundTruth: 'MGT-074, MGT-153' },
    evidence: 'documented',
    strength: 'must',
  },
  async (kms) => {
    const { other, otherRoot } = await otherAccount(kms, 'GRANT-29');
    const k = await key(kms, 'GRANT-29');
    // The grantee is the key's own account: only the retiring principal ties the other account to the grant.
    const g = await grant(kms.primary, k, ['Encrypt'], { RetiringPrincipal: otherRoot });
    await grantsWhen(kms.primary, k.KeyId!, listing(g.GrantId));
    await onceEffective(other, () => other.send(new RetireGrantCommand({ KeyId: k.Arn, GrantId: g.GrantId })));
    expect(idsOf(await grantsWhen(kms.primary, k.KeyId!, notListing(g.GrantId)))).not.toContain(g.GrantId);
  },
  WAITING,
);
