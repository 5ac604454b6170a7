/**
 * Multi-Region keys: CreateKey MultiRegion, ReplicateKey (a replica in another Region of the same
 * account, Creating for a moment), what primary and replicas share and what each keeps, UpdatePrimaryRegion,
 * and deleting a primary that still has replicas (key-management ground truth §6, MGT-120…MGT-134).
 * Replicas go to the target's `replicaRegions` (two other Regions of its partition by default), reached
 * at the target's own endpoint; teardown schedules each replica's deletion in its Region, before its primary's.
 * @see https://docs.aws.amazon.com/kms/latest/developerguide/multi-region-keys-overview.html
 */
import {
  CancelKeyDeletionCommand,
  DecryptCommand,
  DescribeKeyCommand,
  EnableKeyRotationCommand,
  EncryptCommand,
  GetKeyPolicyCommand,
  GetKeyRotationStatusCommand,
  ReplicateKeyCommand,
  ScheduleKeyDeletionCommand,
  TagResourceCommand,
  UpdateKeyDescriptionCommand,
  UpdatePrimaryRegionCommand,
  type KeyMetadata,
  type KMSClient,
} from '@aws-sdk/client-kms';
import { expect } from 'vitest';
import { asyncWaitMs, awaitReplica, awaitUpdated, createKmsKey, createMultiRegionKey, describeKey, eventually, importKeyMaterial, newKeyMaterial, replicaRegions, replicate } from '#harness/kms/index.ts';
import { answerOf, apiRef, DEV_GUIDE, expectKmsError, isError, precondition, recorded, requirement, type SpecContext } from '#harness/spec/index.ts';

const OVERVIEW = `${DEV_GUIDE}/multi-region-keys-overview.html`;
const DELETE_DOC = `${DEV_GUIDE}/multi-region-keys-delete.html`;
const KEY_STATE = `${DEV_GUIDE}/key-state.html`;
const PROBE = Buffer.from('kms-conformance multi-Region probe');

/** The Regions replicas go to; a target with none (a one-Region endpoint) cannot be checked. */
function regions(kms: SpecContext): [string, ...string[]] {
  const r = replicaRegions(kms.target);
  if (r.length === 0) kms.notApplicable('the target names no other Region for replicas (replicaRegions)');
  return r as [string, ...string[]];
}

/** The ARN of the key with `arn`'s id in `region`. */
const inRegionArn = (arn: string, region: string) => arn.replace(/^(arn:[^:]+:kms:)[^:]+:/, `$1${region}:`);

interface Family {
  primary: KeyMetadata;
  region: string;
  replicaClient: KMSClient;
  replica: KeyMetadata;
  /** The material imported into a primary of imported material. */
  material?: Buffer;
}

/** A primary (with its material imported, for EXTERNAL) and one replica, replicated and waited for. */
async function family(kms: SpecContext, label: string, origin: 'AWS_KMS' | 'EXTERNAL' = 'AWS_KMS'): Promise<Family> {
  const region = regions(kms)[0];
  const primary = await createMultiRegionKey(kms.primary, `kms-conformance ${label}`, origin);
  const material = origin === 'EXTERNAL' ? newKeyMaterial() : undefined;
  if (material) await importKeyMaterial(kms.primary, primary.KeyId!, material);
  const replicaClient = kms.inRegion(region);
  const { replica } = await replicate(kms.primary, replicaClient, primary.KeyId!, region);
  return { primary: await describeKey(kms.primary, primary.KeyId!), region, replicaClient, replica, ...(material && { material }) };
}

/**
 * Runs `probe` against a replica that is still Creating: replicates a new primary and checks,
 * after the probe, that DescribeKey still shows Creating (so the probe saw that state). A replica
 * that became usable before the probe ended is tried again, up to three times; a target whose
 * replicas never stay Creating that long has no Creating state a client can reach, and the check
 * does not apply to it (MRK-04 still holds ReplicateKey's own answer to Creating).
 */
async function whileCreating<T>(kms: SpecContext, label: string, probe: (c: KMSClient, replicaArn: string) => Promise<T>): Promise<T> {
  const region = regions(kms)[0];
  const c = kms.inRegion(region);
  for (let attempt = 1; attempt <= 3; attempt++) {
    const primary = await createMultiRegionKey(kms.primary, `kms-conformance ${label} (${attempt})`);
    const out = await kms.primary.send(new ReplicateKeyCommand({ KeyId: primary.KeyId, ReplicaRegion: region }));
    const state = out.ReplicaKeyMetadata?.KeyState;
    precondition(state === 'Creating', 'MRK-04', `ReplicateKey answered a replica in ${state}, not Creating, so its Creating rules cannot be checked`);
    const result = await probe(c, out.ReplicaKeyMetadata!.Arn!);
    const after = (await c.send(new DescribeKeyCommand({ KeyId: primary.KeyId }))).KeyMetadata;
    if (after?.KeyState === 'Creating') return result;
  }
  return kms.notApplicable('three replicas in a row left Creating before one call could be made to them: the target keeps replicas Creating too briefly to reach that state from outside');
}

requirement(
  {
    id: 'MRK-01',
    statement: 'CreateKey with MultiRegion true makes a key whose id is mrk- and 32 hex digits, MultiRegion true, and a MultiRegionConfiguration naming itself as PRIMARY with no replicas',
    operation: 'CreateKey',
    source: recorded('TestKMS::test_create_multi_region_key', 'create_multi_region_key', 'recorded 2025-11-10', 'MGT-120'),
    evidence: 'recorded',
    strength: 'must',
  },
  async (kms) => {
    const key = await createMultiRegionKey(kms.primary, 'kms-conformance MRK-01');
    expect(key.KeyId).toMatch(/^mrk-[0-9a-f]{32}$/);
    expect(key.MultiRegion).toBe(true);
    expect(key.MultiRegionConfiguration).toEqual({ MultiRegionKeyType: 'PRIMARY', PrimaryKey: { Arn: key.Arn, Region: kms.target.region }, ReplicaKeys: [] });
  },
);

requirement(
  {
    id: 'MRK-02',
    statement: 'A key created without MultiRegion reports MultiRegion false and has no MultiRegionConfiguration member',
    operation: 'CreateKey',
    source: recorded('TestKMS::test_non_multi_region_keys_should_not_have_multi_region_properties', 'non_multi_region_keys_should_not_have_multi_region_properties', 'recorded 2025-11-10', 'MGT-121'),
    evidence: 'recorded',
    strength: 'must',
  },
  async (kms) => {
    const key = await createKmsKey(kms.primary, 'kms-conformance MRK-02');
    expect(key.MultiRegion).toBe(false);
    expect(key).not.toHaveProperty('MultiRegionConfiguration');
  },
);

requirement(
  {
    id: 'MRK-03',
    statement: "Before replication, DescribeKey of the mrk id in another Region is a NotFoundException reading Key '<ARN in that Region>' does not exist",
    operation: 'DescribeKey',
    source: recorded('TestKMS::test_replicate_key', 'describe-key-from-different-region', 'recorded 2025-11-10', 'MGT-122'),
    evidence: 'recorded',
    strength: 'must',
  },
  async (kms) => {
    const region = regions(kms)[0];
    const key = await createMultiRegionKey(kms.primary, 'kms-conformance MRK-03');
    const e = await expectKmsError(kms.inRegion(region).send(new DescribeKeyCommand({ KeyId: key.KeyId })), 'NotFoundException', 400);
    expect(e.message).toBe(`Key '${inRegionArn(key.Arn!, region)}' does not exist`);
  },
);

requirement(
  {
    id: 'MRK-04',
    statement: 'ReplicateKey answers the replica: same KeyId, an ARN in the replica Region, KeyState Creating, Enabled false, Description empty, and a REPLICA configuration naming the primary and listing the new replica',
    operation: 'ReplicateKey',
    source: recorded('TestKMS::test_replicate_key', 'replicate-key', 'recorded 2025-11-10', 'MGT-123'),
    evidence: 'recorded',
    strength: 'must',
  },
  async (kms) => {
    const region = regions(kms)[0];
    const key = await createMultiRegionKey(kms.primary, 'kms-conformance MRK-04');
    const out = await kms.primary.send(new ReplicateKeyCommand({ KeyId: key.KeyId, ReplicaRegion: region }));
    const arn = inRegionArn(key.Arn!, region);
    expect(out.ReplicaKeyMetadata).toMatchObject({ KeyId: key.KeyId, Arn: arn, KeyState: 'Creating', Enabled: false, Description: '', MultiRegion: true, Origin: 'AWS_KMS' });
    expect(out.ReplicaKeyMetadata?.MultiRegionConfiguration).toMatchObject({ MultiRegionKeyType: 'REPLICA', PrimaryKey: { Arn: key.Arn, Region: kms.target.region } });
    expect(out.ReplicaKeyMetadata?.MultiRegionConfiguration?.ReplicaKeys).toContainEqual({ Arn: arn, Region: region });
  },
);

requirement(
  {
    id: 'MRK-05',
    statement: 'ReplicateKey without Tags answers the default key policy as ReplicaPolicy, no ReplicaTags member, and no CurrentKeyMaterialId in ReplicaKeyMetadata',
    operation: 'ReplicateKey',
    source: recorded('TestKMS::test_replicate_key', 'replicate-key', 'recorded 2025-11-10', 'MGT-123'),
    evidence: 'recorded',
    strength: 'should',
  },
  async (kms) => {
    const region = regions(kms)[0];
    const key = await createMultiRegionKey(kms.primary, 'kms-conformance MRK-05');
    const out = await kms.primary.send(new ReplicateKeyCommand({ KeyId: key.KeyId, ReplicaRegion: region }));
    const root = key.Arn!.replace(/^arn:([^:]+):kms:[^:]+:(\d+):.*$/, 'arn:$1:iam::$2:root');
    expect(JSON.parse(out.ReplicaPolicy ?? 'null')).toEqual({
      Version: '2012-10-17',
      Id: 'key-default-1',
      Statement: [{ Sid: 'Enable IAM User Permissions', Effect: 'Allow', Principal: { AWS: root }, Action: 'kms:*', Resource: '*' }],
    });
    expect(out).not.toHaveProperty('ReplicaTags');
    expect(out.ReplicaKeyMetadata).not.toHaveProperty('CurrentKeyMaterialId');
  },
);

requirement(
  {
    id: 'MRK-06',
    statement: "Right after ReplicateKey the primary's DescribeKey is still Enabled and lists the new replica in ReplicaKeys",
    operation: 'ReplicateKey',
    source: recorded('TestKMS::test_replicate_key', 'describe-key-from-region', 'recorded 2025-11-10', 'MGT-124'),
    evidence: 'recorded',
    strength: 'must',
  },
  async (kms) => {
    const region = regions(kms)[0];
    const key = await createMultiRegionKey(kms.primary, 'kms-conformance MRK-06');
    await kms.primary.send(new ReplicateKeyCommand({ KeyId: key.KeyId, ReplicaRegion: region }));
    const md = await describeKey(kms.primary, key.KeyId!);
    expect(md.KeyState).toBe('Enabled');
    expect(md.MultiRegionConfiguration?.ReplicaKeys).toContainEqual({ Arn: inRegionArn(key.Arn!, region), Region: region });
  },
);

requirement(
  {
    id: 'MRK-07',
    statement: "The replica becomes Enabled (within 120 s on AWS) with the primary's CurrentKeyMaterialId, an empty Description and type REPLICA",
    operation: 'ReplicateKey',
    source: recorded('TestKMS::test_replicate_key', 'describe-replicated-key', 'recorded 2025-11-10', 'MGT-124'),
    evidence: 'recorded',
    strength: 'must',
  },
  async (kms) => {
    const { primary, replica } = await family(kms, 'MRK-07');
    expect(replica).toMatchObject({ KeyState: 'Enabled', Enabled: true, Description: '', CurrentKeyMaterialId: primary.CurrentKeyMaterialId });
    expect(replica.MultiRegionConfiguration?.MultiRegionKeyType).toBe('REPLICA');
  },
);

requirement(
  {
    id: 'MRK-08',
    statement: 'While a replica is Creating, Encrypt with it is refused with KMSInvalidStateException (HTTP 400)',
    operation: 'ReplicateKey',
    source: { url: KEY_STATE, section: 'Encrypt row: Creating, footnote 14', groundTruth: 'MGT-125' },
    evidence: 'documented',
    strength: 'should',
  },
  async (kms) => {
    const answer = await whileCreating(kms, 'MRK-08', (c, arn) => answerOf(c.send(new EncryptCommand({ KeyId: arn, Plaintext: PROBE }))));
    if (!isError(answer)) throw new Error('Encrypt succeeded with a replica that was Creating');
    expect(answer.code, answer.message).toBe('KMSInvalidStateException');
    expect(answer.status).toBe(400);
    kms.observe('message', answer.message);
  },
);

requirement(
  {
    id: 'MRK-09',
    statement: 'While a replica is Creating it can be managed: TagResource and UpdateKeyDescription on it succeed',
    operation: 'ReplicateKey',
    source: { url: apiRef('ReplicateKey'), section: 'Description (the Creating state)', groundTruth: 'MGT-125' },
    evidence: 'documented',
    strength: 'should',
  },
  async (kms) => {
    await whileCreating(kms, 'MRK-09', async (c, arn) => {
      await c.send(new TagResourceCommand({ KeyId: arn, Tags: [{ TagKey: 'kms-conformance-probe', TagValue: 'creating' }] }));
      await c.send(new UpdateKeyDescriptionCommand({ KeyId: arn, Description: 'kms-conformance MRK-09 (set while Creating)' }));
    });
  },
);

requirement(
  {
    id: 'MRK-10',
    statement: 'ReplicateKey called on a replica is refused with UnsupportedOperationException reading <replica ARN> is not a multi-region primary key.',
    operation: 'ReplicateKey',
    source: recorded('TestKMS::test_replicate_replica_key_should_fail', 'fail-replicate-non-primary-key', 'recorded 2025-09-08', 'MGT-126'),
    evidence: 'recorded',
    strength: 'must',
  },
  async (kms) => {
    const f = await family(kms, 'MRK-10');
    const e = await expectKmsError(f.replicaClient.send(new ReplicateKeyCommand({ KeyId: f.replica.KeyId, ReplicaRegion: f.region })), 'UnsupportedOperationException', 400);
    expect(e.message).toBe(`${f.replica.Arn} is not a multi-region primary key.`);
  },
);

requirement(
  {
    id: 'MRK-11',
    statement: 'ReplicateKey into a Region that already holds a replica of the key is refused with AlreadyExistsException',
    operation: 'ReplicateKey',
    source: { url: apiRef('ReplicateKey'), section: 'Description (one replica per Region)', groundTruth: 'MGT-127' },
    evidence: 'documented',
    strength: 'should',
  },
  async (kms) => {
    const f = await family(kms, 'MRK-11');
    const e = await expectKmsError(kms.primary.send(new ReplicateKeyCommand({ KeyId: f.primary.KeyId, ReplicaRegion: f.region })), 'AlreadyExistsException', 400);
    kms.observe('message', e.message);
  },
);

requirement(
  {
    id: 'MRK-12',
    statement: "What ReplicateKey answers for the primary's own Region (refused; AWS's code is not known)",
    operation: 'ReplicateKey',
    source: { url: apiRef('ReplicateKey'), section: 'ReplicaRegion', groundTruth: 'MGT-127' },
    evidence: 'unknown',
    strength: 'observe',
  },
  async (kms) => {
    const key = await createMultiRegionKey(kms.primary, 'kms-conformance MRK-12');
    kms.observe('answer', await answerOf(kms.primary.send(new ReplicateKeyCommand({ KeyId: key.KeyId, ReplicaRegion: kms.target.region }))));
  },
);

requirement(
  {
    id: 'MRK-13',
    statement: 'ReplicateKey on a single-Region key is refused with UnsupportedOperationException',
    operation: 'ReplicateKey',
    source: { url: apiRef('ReplicateKey'), section: 'Errors (UnsupportedOperationException)', groundTruth: 'MGT-128' },
    evidence: 'inferred',
    strength: 'should',
  },
  async (kms) => {
    const key = await createKmsKey(kms.primary, 'kms-conformance MRK-13');
    const e = await expectKmsError(kms.primary.send(new ReplicateKeyCommand({ KeyId: key.KeyId, ReplicaRegion: regions(kms)[0] })), 'UnsupportedOperationException', 400);
    kms.observe('message', e.message);
  },
);

requirement(
  {
    id: 'MRK-14',
    statement: "A replica of a primary with imported material ends PendingImport, and importing the primary's material there enables it with the same CurrentKeyMaterialId",
    operation: 'ImportKeyMaterial',
    source: { url: apiRef('ReplicateKey'), section: 'Description (imported key material)', groundTruth: 'MGT-129, REQ-I* multi-Region notes' },
    evidence: 'documented',
    strength: 'should',
  },
  async (kms) => {
    const f = await family(kms, 'MRK-14', 'EXTERNAL');
    expect(f.replica.KeyState, 'the replica before its import').toBe('PendingImport');
    await importKeyMaterial(f.replicaClient, f.replica.KeyId!, f.material!, { importType: 'EXISTING_KEY_MATERIAL' });
    const md = await describeKey(f.replicaClient, f.replica.KeyId!, { settledIn: ['Enabled'] });
    expect(md.KeyState).toBe('Enabled');
    expect(md.CurrentKeyMaterialId).toBe(f.primary.CurrentKeyMaterialId);
  },
);

requirement(
  {
    id: 'MRK-15',
    statement: "Related multi-Region keys are interoperable: ciphertext the primary made decrypts with the replica in its Region, and the replica's decrypts with the primary",
    operation: 'Decrypt',
    source: { url: OVERVIEW, section: 'Shared properties (key material)', groundTruth: 'MGT-132' },
    evidence: 'documented',
    strength: 'must',
  },
  async (kms) => {
    const f = await family(kms, 'MRK-15');
    const fromPrimary = (await kms.primary.send(new EncryptCommand({ KeyId: f.primary.KeyId, Plaintext: PROBE }))).CiphertextBlob!;
    expect(Buffer.from((await f.replicaClient.send(new DecryptCommand({ CiphertextBlob: fromPrimary }))).Plaintext!).toString()).toBe(PROBE.toString());
    const fromReplica = (await f.replicaClient.send(new EncryptCommand({ KeyId: f.replica.KeyId, Plaintext: PROBE }))).CiphertextBlob!;
    expect(Buffer.from((await kms.primary.send(new DecryptCommand({ CiphertextBlob: fromReplica }))).Plaintext!).toString()).toBe(PROBE.toString());
  },
);

requirement(
  {
    id: 'MRK-16',
    statement: "Description and key policy are each key's own: changing the replica's description or reading its policy does not touch the primary's",
    operation: 'UpdateKeyDescription',
    source: { url: OVERVIEW, section: 'Properties that are not shared', groundTruth: 'MGT-132' },
    evidence: 'documented',
    strength: 'should',
  },
  async (kms) => {
    const f = await family(kms, 'MRK-16');
    await f.replicaClient.send(new UpdateKeyDescriptionCommand({ KeyId: f.replica.KeyId, Description: 'kms-conformance MRK-16 replica only' }));
    expect((await describeKey(f.replicaClient, f.replica.KeyId!)).Description).toBe('kms-conformance MRK-16 replica only');
    expect((await describeKey(kms.primary, f.primary.KeyId!)).Description).toBe('kms-conformance MRK-16');
    const policy = await f.replicaClient.send(new GetKeyPolicyCommand({ KeyId: f.replica.KeyId, PolicyName: 'default' }));
    expect(policy.Policy, 'the replica has a policy of its own').toBeTruthy();
  },
);

requirement(
  {
    id: 'MRK-17',
    statement: "The automatic-rotation setting is shared: after EnableKeyRotation on the primary, GetKeyRotationStatus of the replica reports rotation enabled",
    operation: 'GetKeyRotationStatus',
    source: { url: OVERVIEW, section: 'Shared properties (automatic key rotation)', groundTruth: 'MGT-132' },
    evidence: 'documented',
    strength: 'should',
  },
  async (kms) => {
    const f = await family(kms, 'MRK-17');
    await kms.primary.send(new EnableKeyRotationCommand({ KeyId: f.primary.KeyId }));
    const status = await eventually(() => f.replicaClient.send(new GetKeyRotationStatusCommand({ KeyId: f.replica.KeyId })), {
      until: (s) => s.KeyRotationEnabled === true,
      timeoutMs: asyncWaitMs(f.replicaClient, 60_000, 3_000),
      intervalMs: asyncWaitMs(f.replicaClient, 5_000, 100),
    });
    expect(status.KeyRotationEnabled).toBe(true);
  },
);

requirement(
  {
    id: 'MRK-18',
    statement: 'UpdatePrimaryRegion answers an empty body and, once it completes, the replica is the PRIMARY and the former primary a REPLICA naming it',
    operation: 'UpdatePrimaryRegion',
    source: { url: apiRef('UpdatePrimaryRegion'), section: 'Description', groundTruth: 'MGT-130' },
    evidence: 'documented',
    strength: 'must',
  },
  async (kms) => {
    const f = await family(kms, 'MRK-18');
    const out = await kms.primary.send(new UpdatePrimaryRegionCommand({ KeyId: f.primary.KeyId, PrimaryRegion: f.region }));
    expect(Object.keys(out).filter((k) => k !== '$metadata')).toEqual([]);
    const former = await awaitUpdated(kms.primary, f.primary.KeyId!, 'REPLICA');
    const now = await awaitUpdated(f.replicaClient, f.replica.KeyId!, 'PRIMARY');
    expect(now.MultiRegionConfiguration?.MultiRegionKeyType).toBe('PRIMARY');
    expect(former.MultiRegionConfiguration).toMatchObject({ MultiRegionKeyType: 'REPLICA', PrimaryKey: { Arn: f.replica.Arn, Region: f.region } });
    // Give primacy back, so that teardown deletes the replica before the primary as usual.
    await f.replicaClient.send(new UpdatePrimaryRegionCommand({ KeyId: f.replica.KeyId, PrimaryRegion: kms.target.region }));
    await awaitUpdated(kms.primary, f.primary.KeyId!, 'PRIMARY');
  },
);

requirement(
  {
    id: 'MRK-19',
    statement: "What UpdatePrimaryRegion answers for a Region that holds no replica (refused; AWS's code is not known)",
    operation: 'UpdatePrimaryRegion',
    source: { url: apiRef('UpdatePrimaryRegion'), section: 'PrimaryRegion', groundTruth: 'MGT-131' },
    evidence: 'unknown',
    strength: 'observe',
  },
  async (kms) => {
    const key = await createMultiRegionKey(kms.primary, 'kms-conformance MRK-19');
    kms.observe('answer', await answerOf(kms.primary.send(new UpdatePrimaryRegionCommand({ KeyId: key.KeyId, PrimaryRegion: regions(kms)[0] }))));
  },
);

requirement(
  {
    id: 'MRK-20',
    statement: 'ScheduleKeyDeletion of a primary that has a replica answers KeyState PendingReplicaDeletion with the PendingWindowInDays asked for and no DeletionDate',
    operation: 'ScheduleKeyDeletion',
    source: { url: apiRef('ScheduleKeyDeletion'), section: 'Description (multi-Region primary keys)', groundTruth: 'MGT-133' },
    evidence: 'documented',
    strength: 'must',
  },
  async (kms) => {
    const f = await family(kms, 'MRK-20');
    const out = await kms.primary.send(new ScheduleKeyDeletionCommand({ KeyId: f.primary.KeyId, PendingWindowInDays: 7 }));
    expect(out).toMatchObject({ KeyId: f.primary.Arn, KeyState: 'PendingReplicaDeletion', PendingWindowInDays: 7 });
    expect(out).not.toHaveProperty('DeletionDate');
  },
);

requirement(
  {
    id: 'MRK-21',
    statement: 'A primary pending replica deletion reports Enabled false and PendingDeletionWindowInDays in DescribeKey',
    operation: 'DescribeKey',
    source: { url: apiRef('KeyMetadata'), section: 'PendingDeletionWindowInDays', groundTruth: 'MGT-133' },
    evidence: 'documented',
    strength: 'should',
  },
  async (kms) => {
    const f = await family(kms, 'MRK-21');
    await kms.primary.send(new ScheduleKeyDeletionCommand({ KeyId: f.primary.KeyId, PendingWindowInDays: 7 }));
    const md = await describeKey(kms.primary, f.primary.KeyId!, { settledIn: ['PendingReplicaDeletion'] });
    expect(md).toMatchObject({ KeyState: 'PendingReplicaDeletion', Enabled: false, PendingDeletionWindowInDays: 7 });
  },
);

requirement(
  {
    id: 'MRK-22',
    statement: 'A primary pending replica deletion cannot be used (Encrypt refused with KMSInvalidStateException or DisabledException) nor replicated, and CancelKeyDeletion leaves it Disabled',
    operation: 'CancelKeyDeletion',
    source: { url: DELETE_DOC, section: 'Deleting multi-Region primary keys', groundTruth: 'MGT-134' },
    evidence: 'documented',
    strength: 'should',
  },
  async (kms) => {
    const f = await family(kms, 'MRK-22');
    await kms.primary.send(new ScheduleKeyDeletionCommand({ KeyId: f.primary.KeyId, PendingWindowInDays: 7 }));
    await describeKey(kms.primary, f.primary.KeyId!, { settledIn: ['PendingReplicaDeletion'] });
    const use = await answerOf(kms.primary.send(new EncryptCommand({ KeyId: f.primary.KeyId, Plaintext: PROBE })));
    if (!isError(use)) throw new Error('Encrypt succeeded with a primary pending replica deletion');
    expect(['KMSInvalidStateException', 'DisabledException'], `${use.code}: ${use.message ?? ''}`).toContain(use.code);
    const second = regions(kms)[1];
    if (second) {
      const again = await answerOf(kms.primary.send(new ReplicateKeyCommand({ KeyId: f.primary.KeyId, ReplicaRegion: second })));
      if (!isError(again)) throw new Error('ReplicateKey succeeded with a primary pending replica deletion');
    }
    await kms.primary.send(new CancelKeyDeletionCommand({ KeyId: f.primary.KeyId }));
    const md = await describeKey(kms.primary, f.primary.KeyId!, { settledIn: ['Disabled'] });
    expect(md).toMatchObject({ KeyState: 'Disabled', Enabled: false });
    expect(md).not.toHaveProperty('PendingDeletionWindowInDays');
  },
);

requirement(
  {
    id: 'MRK-23',
    statement: 'A replica that has been Creating is reached by its own key ARN in its Region once it is Enabled (DescribeKey by ARN)',
    operation: 'DescribeKey',
    source: { url: OVERVIEW, section: 'Multi-Region key identifiers', groundTruth: 'MGT-123, MGT-124' },
    evidence: 'documented',
    strength: 'should',
  },
  async (kms) => {
    const f = await family(kms, 'MRK-23');
    const md = await awaitReplica(f.replicaClient, f.replica.Arn!);
    expect(md).toMatchObject({ Arn: f.replica.Arn, KeyId: f.primary.KeyId, KeyState: 'Enabled' });
  },
);
