/**
 * The key-state matrix of every operation that is not a cryptographic one (those are in
 * crypto-key-states.spec.ts): each operation of the model that takes an existing key, in each state
 * the suite can bring a key to from outside: Enabled, Disabled (DisableKey), PendingDeletion
 * (ScheduleKeyDeletion), PendingImport (an EXTERNAL key never imported) and PendingReplicaDeletion
 * (a multi-Region primary scheduled for deletion while it has a replica). Each cell is the answer
 * AWS's key-state table gives (key-management ground truth §8, from the Developer Guide's 2022
 * table); cells the table derives or leaves open are `inferred` or observed.
 *
 * Not reachable from outside, so not checked here: Unavailable (a key in a disconnected custom key
 * store; the suite never has one), Creating and Updating (seconds-long transitions of ReplicateKey
 * and UpdatePrimaryRegion; MRK-08 and MRK-09 check what they can of Creating). Operations that need
 * imported material (DeleteImportedKeyMaterial, GetParametersForImport, ImportKeyMaterial) have no
 * PendingReplicaDeletion cell: that needs a multi-Region key of imported material with a replica,
 * which the table leaves N/A.
 * @see https://docs.aws.amazon.com/kms/latest/developerguide/key-state.html
 */
import {
  CancelKeyDeletionCommand,
  CreateAliasCommand,
  CreateGrantCommand,
  DeleteAliasCommand,
  DeleteImportedKeyMaterialCommand,
  DescribeKeyCommand,
  DisableKeyCommand,
  DisableKeyRotationCommand,
  EnableKeyCommand,
  EnableKeyRotationCommand,
  GetKeyLastUsageCommand,
  GetKeyPolicyCommand,
  GetKeyRotationStatusCommand,
  GetParametersForImportCommand,
  ImportKeyMaterialCommand,
  ListAliasesCommand,
  ListGrantsCommand,
  ListKeyPoliciesCommand,
  ListKeyRotationsCommand,
  ListResourceTagsCommand,
  PutKeyPolicyCommand,
  ReplicateKeyCommand,
  RetireGrantCommand,
  RevokeGrantCommand,
  RotateKeyOnDemandCommand,
  ScheduleKeyDeletionCommand,
  TagResourceCommand,
  UntagResourceCommand,
  UpdateAliasCommand,
  UpdateKeyDescriptionCommand,
  UpdatePrimaryRegionCommand,
  type KeyMetadata,
  type KMSClient,
} from '@aws-sdk/client-kms';
import {
  awaitReplica,
  awaitUpdated,
  createExternalKey,
  createImportedKey,
  createKmsKey,
  createMultiRegionKey,
  describeKey,
  newKeyMaterial,
  replicaRegions,
  wrapKeyMaterial,
} from '#harness/kms/index.ts';
import { answerOf, DEV_GUIDE, type EvidenceLevel, ExpectationFailure, isError, precondition, requirement, type SpecContext, type Strength } from '#harness/spec/index.ts';

const KEY_STATE = `${DEV_GUIDE}/key-state.html`;

type State = 'Enabled' | 'Disabled' | 'PendingDeletion' | 'PendingImport' | 'PendingReplicaDeletion';
const STATES: readonly State[] = ['Enabled', 'Disabled', 'PendingDeletion', 'PendingImport', 'PendingReplicaDeletion'];

/** What the set-up made besides the key (a grant, an alias, import parameters…). */
type Inputs = Record<string, string | Uint8Array>;

/** The kind of key a row needs when Enabled, Disabled or PendingDeletion (PendingImport is always an EXTERNAL key never imported). */
type Kind = 'symmetric' | 'imported' | 'multi-region';

/** A cell: success, a refusal with one of `codes`, or an answer AWS's table leaves open (observed). */
type Cell =
  | { answer: 'ok'; evidence?: EvidenceLevel; note?: string }
  | { answer: 'refused'; codes: readonly string[]; footnote: string; evidence?: EvidenceLevel }
  | { answer: 'observe'; question: string }
  | 'no-cell';

interface Row {
  op: string;
  kind: Kind;
  /** Runs with the key still Enabled (or just created, for PendingImport): what the call will need. */
  prepare?: (kms: SpecContext, key: KeyMetadata, label: string) => Promise<Inputs>;
  call: (kms: SpecContext, key: KeyMetadata, inputs: Inputs) => Promise<unknown>;
  /** PendingImport by deleting the material of an imported key after `prepare` (whose set-up a never-imported key refuses). */
  pendingImportByDeletion?: boolean;
  /** After a successful call: what must settle before teardown can delete the keys. */
  after?: (kms: SpecContext, key: KeyMetadata) => Promise<void>;
  cells: Record<State, Cell>;
}

const ok: Cell = { answer: 'ok' };
const okInferred: Cell = { answer: 'ok', evidence: 'inferred' };
const INVALID = ['KMSInvalidStateException'];
const f1: Cell = { answer: 'refused', codes: ['DisabledException'], footnote: 'footnote 1' };
const f2or3: Cell = { answer: 'refused', codes: ['KMSInvalidStateException', 'DisabledException'], footnote: 'footnotes 2 or 3' };
const f3: Cell = { answer: 'refused', codes: INVALID, footnote: 'footnote 3' };
const f4: Cell = { answer: 'refused', codes: INVALID, footnote: 'footnote 4' };
const f5: Cell = { answer: 'refused', codes: INVALID, footnote: 'footnote 5' };
const f6: Cell = { answer: 'refused', codes: ['UnsupportedOperationException'], footnote: 'footnote 6' };
const f8: Cell = { answer: 'refused', codes: INVALID, footnote: 'footnote 8' };
const inferredRefusal = (codes: readonly string[], footnote: string): Cell => ({ answer: 'refused', codes, footnote, evidence: 'inferred' });
const observe = (question: string): Cell => ({ answer: 'observe', question });

const EVERY_STATE: Record<State, Cell> = { Enabled: ok, Disabled: ok, PendingDeletion: ok, PendingImport: ok, PendingReplicaDeletion: ok };
const NOT_PENDING_DELETION: Record<State, Cell> = { ...EVERY_STATE, PendingDeletion: f3, PendingReplicaDeletion: f3 };

const accountRoot = (arn: string) => `arn:${arn.split(':')[1]}:iam::${arn.split(':')[4]}:root`;
const PROBE_TAG = 'kms-conformance-probe';

async function grantOn(kms: SpecContext, key: KeyMetadata): Promise<Inputs> {
  const root = accountRoot(key.Arn!);
  const g = await kms.primary.send(new CreateGrantCommand({ KeyId: key.KeyId, GranteePrincipal: root, RetiringPrincipal: root, Operations: ['DescribeKey'] }));
  return { grantId: g.GrantId! };
}

async function aliasTo(kms: SpecContext, keyId: string, label: string): Promise<Inputs> {
  const alias = kms.aliasName(label);
  await kms.primary.send(new CreateAliasCommand({ AliasName: alias, TargetKeyId: keyId }));
  return { alias };
}

/** The default key policy of the key's account: keeps the account able to delete the key. */
const defaultPolicy = (key: KeyMetadata) =>
  JSON.stringify({ Version: '2012-10-17', Id: 'key-default-1', Statement: [{ Sid: 'Enable IAM User Permissions', Effect: 'Allow', Principal: { AWS: accountRoot(key.Arn!) }, Action: 'kms:*', Resource: '*' }] });

/** Import parameters and the wrapped material, fetched while the key still allows it. */
async function importInputs(kms: SpecContext, key: KeyMetadata): Promise<Inputs> {
  const p = await kms.primary.send(new GetParametersForImportCommand({ KeyId: key.KeyId, WrappingAlgorithm: 'RSAES_OAEP_SHA_256', WrappingKeySpec: 'RSA_2048' }));
  const material = MATERIALS.get(key.KeyId!) ?? newKeyMaterial();
  return { token: p.ImportToken!, wrapped: wrapKeyMaterial(p.PublicKey!, material, 'RSAES_OAEP_SHA_256') };
}

/** The material imported into the `imported` keys, by key id, for reimporting it. */
const MATERIALS = new Map<string, Buffer>();

/** Waits until no key of the family is Updating (teardown cannot schedule deletion while it is). */
async function settledFamily(kms: SpecContext, key: KeyMetadata): Promise<void> {
  for (const c of [kms.primary, kms.inRegion(replicaRegions(kms.target)[0]!)]) await awaitUpdated(c, key.KeyId!);
}

const ROWS: Row[] = [
  {
    op: 'CancelKeyDeletion', kind: 'symmetric',
    call: (kms, k) => kms.primary.send(new CancelKeyDeletionCommand({ KeyId: k.KeyId })),
    cells: { Enabled: f4, Disabled: f4, PendingDeletion: ok, PendingImport: f4, PendingReplicaDeletion: ok },
  },
  {
    op: 'CreateAlias', kind: 'symmetric',
    call: (kms, k) => kms.primary.send(new CreateAliasCommand({ AliasName: kms.aliasName(`matrix-${k.KeyId}`), TargetKeyId: k.KeyId })),
    cells: NOT_PENDING_DELETION,
  },
  {
    op: 'CreateGrant', kind: 'symmetric',
    call: (kms, k) => kms.primary.send(new CreateGrantCommand({ KeyId: k.KeyId, GranteePrincipal: accountRoot(k.Arn!), Operations: ['Decrypt'] })),
    cells: { Enabled: ok, Disabled: f1, PendingDeletion: f2or3, PendingImport: f5, PendingReplicaDeletion: f2or3 },
  },
  {
    op: 'DeleteAlias', kind: 'symmetric',
    prepare: (kms, k, label) => aliasTo(kms, k.KeyId!, label),
    call: (kms, _k, i) => kms.primary.send(new DeleteAliasCommand({ AliasName: i.alias as string })),
    cells: EVERY_STATE,
  },
  {
    op: 'DeleteImportedKeyMaterial', kind: 'imported',
    call: (kms, k) => kms.primary.send(new DeleteImportedKeyMaterialCommand({ KeyId: k.KeyId })),
    cells: { ...EVERY_STATE, PendingReplicaDeletion: 'no-cell' },
  },
  {
    op: 'DescribeKey', kind: 'symmetric',
    call: (kms, k) => kms.primary.send(new DescribeKeyCommand({ KeyId: k.KeyId })),
    cells: EVERY_STATE,
  },
  {
    op: 'DisableKey', kind: 'symmetric',
    call: (kms, k) => kms.primary.send(new DisableKeyCommand({ KeyId: k.KeyId })),
    cells: { Enabled: ok, Disabled: ok, PendingDeletion: f3, PendingImport: f5, PendingReplicaDeletion: f3 },
  },
  {
    op: 'DisableKeyRotation', kind: 'symmetric',
    call: (kms, k) => kms.primary.send(new DisableKeyRotationCommand({ KeyId: k.KeyId })),
    cells: { Enabled: ok, Disabled: f1, PendingDeletion: f3, PendingImport: f6, PendingReplicaDeletion: f3 },
  },
  {
    op: 'EnableKey', kind: 'symmetric',
    call: (kms, k) => kms.primary.send(new EnableKeyCommand({ KeyId: k.KeyId })),
    cells: { Enabled: ok, Disabled: ok, PendingDeletion: f3, PendingImport: f5, PendingReplicaDeletion: f3 },
  },
  {
    op: 'EnableKeyRotation', kind: 'symmetric',
    call: (kms, k) => kms.primary.send(new EnableKeyRotationCommand({ KeyId: k.KeyId })),
    cells: { Enabled: ok, Disabled: f1, PendingDeletion: f3, PendingImport: f6, PendingReplicaDeletion: f3 },
  },
  {
    op: 'GetKeyLastUsage', kind: 'symmetric',
    call: (kms, k) => kms.primary.send(new GetKeyLastUsageCommand({ KeyId: k.KeyId })),
    cells: { Enabled: okInferred, Disabled: okInferred, PendingDeletion: okInferred, PendingImport: okInferred, PendingReplicaDeletion: okInferred },
  },
  {
    op: 'GetKeyPolicy', kind: 'symmetric',
    call: (kms, k) => kms.primary.send(new GetKeyPolicyCommand({ KeyId: k.KeyId, PolicyName: 'default' })),
    cells: EVERY_STATE,
  },
  {
    op: 'GetKeyRotationStatus', kind: 'symmetric',
    call: (kms, k) => kms.primary.send(new GetKeyRotationStatusCommand({ KeyId: k.KeyId })),
    cells: { Enabled: ok, Disabled: ok, PendingDeletion: ok, PendingImport: observe('GetKeyRotationStatus of an EXTERNAL key since imported-material rotation (2025)'), PendingReplicaDeletion: ok },
  },
  {
    op: 'GetParametersForImport', kind: 'imported',
    call: (kms, k) => kms.primary.send(new GetParametersForImportCommand({ KeyId: k.KeyId, WrappingAlgorithm: 'RSAES_OAEP_SHA_256', WrappingKeySpec: 'RSA_2048' })),
    cells: { Enabled: ok, Disabled: ok, PendingDeletion: f8, PendingImport: ok, PendingReplicaDeletion: 'no-cell' },
  },
  {
    op: 'ImportKeyMaterial', kind: 'imported',
    prepare: (kms, k) => importInputs(kms, k),
    call: (kms, k, i) =>
      kms.primary.send(new ImportKeyMaterialCommand({ KeyId: k.KeyId, ImportToken: i.token as Uint8Array, EncryptedKeyMaterial: i.wrapped as Uint8Array, ExpirationModel: 'KEY_MATERIAL_DOES_NOT_EXPIRE' })),
    cells: { Enabled: ok, Disabled: ok, PendingDeletion: f8, PendingImport: ok, PendingReplicaDeletion: 'no-cell' },
  },
  {
    op: 'ListAliases', kind: 'symmetric',
    call: (kms, k) => kms.primary.send(new ListAliasesCommand({ KeyId: k.KeyId })),
    cells: EVERY_STATE,
  },
  {
    op: 'ListGrants', kind: 'symmetric',
    call: (kms, k) => kms.primary.send(new ListGrantsCommand({ KeyId: k.KeyId })),
    cells: EVERY_STATE,
  },
  {
    op: 'ListKeyPolicies', kind: 'symmetric',
    call: (kms, k) => kms.primary.send(new ListKeyPoliciesCommand({ KeyId: k.KeyId })),
    cells: EVERY_STATE,
  },
  {
    op: 'ListKeyRotations', kind: 'symmetric',
    call: (kms, k) => kms.primary.send(new ListKeyRotationsCommand({ KeyId: k.KeyId })),
    cells: {
      Enabled: ok,
      Disabled: okInferred,
      PendingDeletion: observe('ListKeyRotations of a key pending deletion'),
      PendingImport: observe('ListKeyRotations of an EXTERNAL key never imported'),
      PendingReplicaDeletion: observe('ListKeyRotations of a primary pending replica deletion'),
    },
  },
  {
    op: 'ListResourceTags', kind: 'symmetric',
    call: (kms, k) => kms.primary.send(new ListResourceTagsCommand({ KeyId: k.KeyId })),
    cells: EVERY_STATE,
  },
  {
    op: 'PutKeyPolicy', kind: 'symmetric',
    call: (kms, k) => kms.primary.send(new PutKeyPolicyCommand({ KeyId: k.KeyId, PolicyName: 'default', Policy: defaultPolicy(k) })),
    cells: EVERY_STATE,
  },
  {
    op: 'ReplicateKey', kind: 'multi-region',
    call: (kms, k) => kms.primary.send(new ReplicateKeyCommand({ KeyId: k.KeyId, ReplicaRegion: replicaRegions(kms.target).at(-1)! })),
    // A new replica is Creating for a moment; teardown schedules its deletion then, which every state but Updating allows.
    cells: { Enabled: ok, Disabled: f1, PendingDeletion: f2or3, PendingImport: f5, PendingReplicaDeletion: f2or3 },
  },
  {
    op: 'RetireGrant', kind: 'symmetric', pendingImportByDeletion: true,
    prepare: (kms, k) => grantOn(kms, k),
    call: (kms, k, i) => kms.primary.send(new RetireGrantCommand({ KeyId: k.Arn, GrantId: i.grantId as string })),
    cells: EVERY_STATE,
  },
  {
    op: 'RevokeGrant', kind: 'symmetric', pendingImportByDeletion: true,
    prepare: (kms, k) => grantOn(kms, k),
    call: (kms, k, i) => kms.primary.send(new RevokeGrantCommand({ KeyId: k.KeyId, GrantId: i.grantId as string })),
    cells: EVERY_STATE,
  },
  {
    op: 'RotateKeyOnDemand', kind: 'symmetric',
    call: (kms, k) => kms.primary.send(new RotateKeyOnDemandCommand({ KeyId: k.KeyId })),
    cells: {
      Enabled: ok,
      Disabled: f1,
      PendingDeletion: inferredRefusal(INVALID, 'not in the 2022 table (ground truth §8: KMSInvalidStateException)'),
      PendingImport: f5,
      PendingReplicaDeletion: inferredRefusal(INVALID, 'not in the 2022 table (ground truth §8: KMSInvalidStateException)'),
    },
  },
  {
    op: 'ScheduleKeyDeletion', kind: 'symmetric',
    call: (kms, k) => kms.primary.send(new ScheduleKeyDeletionCommand({ KeyId: k.KeyId, PendingWindowInDays: 7 })),
    cells: { Enabled: ok, Disabled: ok, PendingDeletion: f3, PendingImport: ok, PendingReplicaDeletion: f3 },
  },
  {
    op: 'TagResource', kind: 'symmetric',
    call: (kms, k) => kms.primary.send(new TagResourceCommand({ KeyId: k.KeyId, Tags: [{ TagKey: PROBE_TAG, TagValue: 'key-state' }] })),
    cells: NOT_PENDING_DELETION,
  },
  {
    op: 'UntagResource', kind: 'symmetric',
    call: (kms, k) => kms.primary.send(new UntagResourceCommand({ KeyId: k.KeyId, TagKeys: [PROBE_TAG] })),
    cells: NOT_PENDING_DELETION,
  },
  {
    op: 'UpdateAlias', kind: 'symmetric',
    // The alias points at another, Enabled key; the cell's key is the one it is moved to (footnote 10: the destination's state counts).
    prepare: async (kms, _k, label) => aliasTo(kms, (await createKmsKey(kms.primary, `kms-conformance ${label} first alias target`)).KeyId!, label),
    call: (kms, k, i) => kms.primary.send(new UpdateAliasCommand({ AliasName: i.alias as string, TargetKeyId: k.KeyId })),
    cells: {
      ...EVERY_STATE,
      PendingDeletion: { answer: 'refused', codes: INVALID, footnote: 'footnote 10 (destination key pending deletion)' },
      PendingReplicaDeletion: { answer: 'refused', codes: INVALID, footnote: 'footnote 10 (destination key pending deletion)' },
    },
  },
  {
    op: 'UpdateKeyDescription', kind: 'symmetric',
    call: (kms, k) => kms.primary.send(new UpdateKeyDescriptionCommand({ KeyId: k.KeyId, Description: 'kms-conformance key-state probe' })),
    cells: NOT_PENDING_DELETION,
  },
  {
    op: 'UpdatePrimaryRegion', kind: 'multi-region',
    call: (kms, k) => kms.primary.send(new UpdatePrimaryRegionCommand({ KeyId: k.KeyId, PrimaryRegion: replicaRegions(kms.target)[0]! })),
    after: settledFamily,
    cells: { Enabled: ok, Disabled: f1, PendingDeletion: f2or3, PendingImport: f5, PendingReplicaDeletion: f2or3 },
  },
];

/** A multi-Region primary with a replica in the first replica Region (waited for). */
async function primaryWithReplica(kms: SpecContext, label: string, origin: 'AWS_KMS' | 'EXTERNAL' = 'AWS_KMS'): Promise<KeyMetadata> {
  const regions = replicaRegions(kms.target);
  if (regions.length === 0) kms.notApplicable('the target names no other Region for replicas (replicaRegions)');
  const key = await createMultiRegionKey(kms.primary, `kms-conformance ${label}`, origin);
  await kms.primary.send(new ReplicateKeyCommand({ KeyId: key.KeyId, ReplicaRegion: regions[0] }));
  await awaitReplica(kms.inRegion(regions[0]!), key.KeyId!);
  return key;
}

/** A new key of the row's kind in `state`, with what the row's call needs. */
async function keyIn(kms: SpecContext, row: Row, state: State, label: string): Promise<{ key: KeyMetadata; inputs: Inputs }> {
  const c: KMSClient = kms.primary;
  let key: KeyMetadata;
  if (state === 'PendingImport' && row.pendingImportByDeletion) {
    const made = await createImportedKey(c, { description: `kms-conformance ${label}` });
    const inputs = (await row.prepare?.(kms, made.key, label)) ?? {};
    await c.send(new DeleteImportedKeyMaterialCommand({ KeyId: made.key.KeyId }));
    await describeKey(c, made.key.KeyId!, { settledIn: ['PendingImport'] });
    return { key: made.key, inputs };
  }
  if (state === 'PendingImport') {
    key = row.kind === 'multi-region' ? await createMultiRegionKey(c, `kms-conformance ${label}`, 'EXTERNAL') : await createExternalKey(c, `kms-conformance ${label}`);
    const md = await describeKey(c, key.KeyId!, { settledIn: ['PendingImport'] });
    precondition(md.KeyState === 'PendingImport', 'KEY-01', `CreateKey with Origin EXTERNAL made a key in ${md.KeyState}, not PendingImport`);
    return { key, inputs: (await row.prepare?.(kms, key, label)) ?? {} };
  }
  if (state === 'PendingReplicaDeletion') key = await primaryWithReplica(kms, label);
  else if (row.kind === 'imported') {
    const made = await createImportedKey(c, { description: `kms-conformance ${label}` });
    MATERIALS.set(made.key.KeyId!, made.material);
    key = made.key;
  } else if (row.kind === 'multi-region') key = row.op === 'UpdatePrimaryRegion' && state !== 'PendingDeletion' ? await primaryWithReplica(kms, label) : await createMultiRegionKey(c, `kms-conformance ${label}`);
  else key = await createKmsKey(c, `kms-conformance ${label}`);
  const inputs = (await row.prepare?.(kms, key, label)) ?? {};
  if (state === 'Disabled') await c.send(new DisableKeyCommand({ KeyId: key.KeyId }));
  if (state === 'PendingDeletion' || state === 'PendingReplicaDeletion') await c.send(new ScheduleKeyDeletionCommand({ KeyId: key.KeyId, PendingWindowInDays: 7 }));
  if (state !== 'Enabled') {
    const md = await describeKey(c, key.KeyId!, { settledIn: [state] });
    const owner = { Disabled: ['KEY-06', 'DisableKey'], PendingDeletion: ['KEY-07', 'ScheduleKeyDeletion'], PendingReplicaDeletion: ['MRK-20', 'ScheduleKeyDeletion of a primary with a replica'] } as const;
    const [id, step] = owner[state as keyof typeof owner];
    precondition(md.KeyState === state, id, `${step} left the key ${md.KeyState}, not ${state}`);
  }
  return { key, inputs };
}

/** Stable ids: KSM-<nnn> in this order (operation, then state); never renumbered. New rows or states append. */
let n = 0;
for (const row of ROWS) {
  for (const state of STATES) {
    const cell = row.cells[state];
    const id = `KSM-${String(++n).padStart(3, '0')}`;
    if (cell === 'no-cell') continue;
    const what = `${row.op} on a key in ${state}`;
    const [statement, evidence, strength, section]: [string, EvidenceLevel, Strength, string] =
      cell.answer === 'ok'
        ? [`${what} succeeds`, cell.evidence ?? 'documented', cell.evidence === 'inferred' ? 'should' : 'must', `${row.op} row: ${state}${cell.evidence === 'inferred' ? ' (derived: the operation is newer than the table)' : ''}`]
        : cell.answer === 'refused'
          ? [`${what} is refused with ${cell.codes.join(' or ')} (HTTP 400)`, cell.evidence ?? 'documented', cell.evidence === 'inferred' ? 'should' : 'must', `${row.op} row: ${state}, ${cell.footnote}`]
          : [`What ${what} answers (${cell.question}: AWS's answer is not known)`, 'unknown', 'observe', `${row.op} row: ${state} (open)`];
    requirement(
      { id, statement, operation: row.op, source: { url: KEY_STATE, section, groundTruth: 'key-management §8, MGT-149…MGT-152' }, evidence, strength },
      async (kms) => {
        const { key, inputs } = await keyIn(kms, row, state, id);
        const answer = await answerOf(row.call(kms, key, inputs));
        if (cell.answer === 'observe') {
          kms.observe('answer', answer);
          return;
        }
        if (cell.answer === 'ok') {
          if (isError(answer)) throw new ExpectationFailure(`${what} was refused with ${answer.code} (HTTP ${answer.status}): ${answer.message ?? ''}`, 'success', answer);
          await row.after?.(kms, key);
          return;
        }
        if (!isError(answer)) throw new ExpectationFailure(`${what} succeeded; the key-state table refuses it (${cell.footnote})`, { code: cell.codes.join(' | '), status: 400 }, 'success');
        if (!cell.codes.includes(answer.code ?? '') || answer.status !== 400) {
          throw new ExpectationFailure(`${what} was refused with ${answer.code} (HTTP ${answer.status}), not ${cell.codes.join(' or ')} (HTTP 400): ${answer.message ?? ''}`, { code: cell.codes.join(' | '), status: 400 }, answer);
        }
        kms.observe('message', answer.message);
      },
    );
  }
}
