/**
 * The key-state rule of every cryptographic operation, in each state the suite can bring a key to:
 * Disabled (DisableKey), PendingDeletion (ScheduleKeyDeletion) and PendingImport (an EXTERNAL key
 * without material). AWS's key-state table (2022) covers Encrypt … GetPublicKey; the operations it
 * predates (DeriveSharedSecret, Encapsulate, Decapsulate) and the PendingImport rows it marks N/A
 * (Sign, Verify, MAC, GetPublicKey: imported asymmetric keys came in 2023) are observed, not
 * asserted (crypto ground truth §4, CRY-136…CRY-145). The Enabled and PendingReplicaDeletion columns
 * come after KST-50; the other operations' rows are in management-key-states.spec.ts.
 * @see https://docs.aws.amazon.com/kms/latest/developerguide/key-state.html
 */
import {
  CreateKeyCommand,
  DecapsulateCommand,
  DecryptCommand,
  DeleteImportedKeyMaterialCommand,
  DeriveSharedSecretCommand,
  DisableKeyCommand,
  EncapsulateCommand,
  EncryptCommand,
  GenerateDataKeyCommand,
  GenerateDataKeyPairCommand,
  GenerateDataKeyPairWithoutPlaintextCommand,
  GenerateDataKeyWithoutPlaintextCommand,
  GenerateMacCommand,
  GetPublicKeyCommand,
  ReEncryptCommand,
  ReplicateKeyCommand,
  ScheduleKeyDeletionCommand,
  SignCommand,
  VerifyCommand,
  VerifyMacCommand,
  type KeyMetadata,
  type KeySpec,
  type KeyUsageType,
  type KMSClient,
} from '@aws-sdk/client-kms';
import { generateKeyPairSync } from 'node:crypto';
import { expect } from 'vitest';
import { awaitReplica, createImportedKey, createKeyOf, createKmsKey, describeKey, replicaRegions } from '#harness/kms/index.ts';
import { answerOf, DEV_GUIDE, ExpectationFailure, expectKmsError, isError, precondition, requirement, type SpecContext } from '#harness/spec/index.ts';

const KEY_STATE = `${DEV_GUIDE}/key-state.html`;
const DATA = Buffer.from('kms-conformance key-state probe');

type State = 'Disabled' | 'PendingDeletion' | 'PendingImport';

/** Values an operation needs that can only be made while its key is Enabled (a ciphertext, a signature). */
type Inputs = Record<string, Uint8Array | string>;

interface OperationCase {
  op: string;
  spec: KeySpec;
  usage: KeyUsageType;
  /** Listed in AWS's key-state table: its Disabled and PendingDeletion rows are documented. */
  inTable: boolean;
  prepare?: (c: KMSClient, key: KeyMetadata) => Promise<Inputs>;
  call: (c: KMSClient, key: KeyMetadata, inputs: Inputs) => Promise<unknown>;
  /** How the case reaches PendingImport, when the suite can: a never-imported EXTERNAL key, or an imported key whose material is deleted after `prepare`. */
  pendingImport?: 'never-imported' | 'deleted' | 'observe-never-imported';
}

const CASES: OperationCase[] = [
  { op: 'Encrypt', spec: 'SYMMETRIC_DEFAULT', usage: 'ENCRYPT_DECRYPT', inTable: true, pendingImport: 'never-imported', call: (c, k) => c.send(new EncryptCommand({ KeyId: k.KeyId, Plaintext: DATA })) },
  {
    op: 'Decrypt', spec: 'SYMMETRIC_DEFAULT', usage: 'ENCRYPT_DECRYPT', inTable: true, pendingImport: 'deleted',
    prepare: async (c, k) => ({ blob: (await c.send(new EncryptCommand({ KeyId: k.KeyId, Plaintext: DATA }))).CiphertextBlob! }),
    call: (c, _k, i) => c.send(new DecryptCommand({ CiphertextBlob: i.blob as Uint8Array })),
  },
  {
    op: 'ReEncrypt', spec: 'SYMMETRIC_DEFAULT', usage: 'ENCRYPT_DECRYPT', inTable: true, pendingImport: 'deleted',
    prepare: async (c, k) => ({
      blob: (await c.send(new EncryptCommand({ KeyId: k.KeyId, Plaintext: DATA }))).CiphertextBlob!,
      destination: (await createKmsKey(c, 'kms-conformance key-state ReEncrypt destination')).KeyId!,
    }),
    call: (c, _k, i) => c.send(new ReEncryptCommand({ CiphertextBlob: i.blob as Uint8Array, DestinationKeyId: i.destination as string })),
  },
  { op: 'GenerateDataKey', spec: 'SYMMETRIC_DEFAULT', usage: 'ENCRYPT_DECRYPT', inTable: true, pendingImport: 'never-imported', call: (c, k) => c.send(new GenerateDataKeyCommand({ KeyId: k.KeyId, KeySpec: 'AES_256' })) },
  { op: 'GenerateDataKeyWithoutPlaintext', spec: 'SYMMETRIC_DEFAULT', usage: 'ENCRYPT_DECRYPT', inTable: true, pendingImport: 'never-imported', call: (c, k) => c.send(new GenerateDataKeyWithoutPlaintextCommand({ KeyId: k.KeyId, NumberOfBytes: 32 })) },
  { op: 'GenerateDataKeyPair', spec: 'SYMMETRIC_DEFAULT', usage: 'ENCRYPT_DECRYPT', inTable: true, pendingImport: 'never-imported', call: (c, k) => c.send(new GenerateDataKeyPairCommand({ KeyId: k.KeyId, KeyPairSpec: 'ECC_NIST_P256' })) },
  { op: 'GenerateDataKeyPairWithoutPlaintext', spec: 'SYMMETRIC_DEFAULT', usage: 'ENCRYPT_DECRYPT', inTable: true, pendingImport: 'never-imported', call: (c, k) => c.send(new GenerateDataKeyPairWithoutPlaintextCommand({ KeyId: k.KeyId, KeyPairSpec: 'ECC_NIST_P256' })) },
  { op: 'Sign', spec: 'ECC_NIST_P256', usage: 'SIGN_VERIFY', inTable: true, pendingImport: 'observe-never-imported', call: (c, k) => c.send(new SignCommand({ KeyId: k.KeyId, Message: DATA, SigningAlgorithm: 'ECDSA_SHA_256' })) },
  {
    op: 'Verify', spec: 'ECC_NIST_P256', usage: 'SIGN_VERIFY', inTable: true, pendingImport: 'observe-never-imported',
    prepare: async (c, k) => ({ signature: k.Origin === 'EXTERNAL' ? Buffer.alloc(72, 1) : (await c.send(new SignCommand({ KeyId: k.KeyId, Message: DATA, SigningAlgorithm: 'ECDSA_SHA_256' }))).Signature! }),
    call: (c, k, i) => c.send(new VerifyCommand({ KeyId: k.KeyId, Message: DATA, Signature: i.signature as Uint8Array, SigningAlgorithm: 'ECDSA_SHA_256' })),
  },
  { op: 'GenerateMac', spec: 'HMAC_256', usage: 'GENERATE_VERIFY_MAC', inTable: true, pendingImport: 'observe-never-imported', call: (c, k) => c.send(new GenerateMacCommand({ KeyId: k.KeyId, Message: DATA, MacAlgorithm: 'HMAC_SHA_256' })) },
  {
    op: 'VerifyMac', spec: 'HMAC_256', usage: 'GENERATE_VERIFY_MAC', inTable: true, pendingImport: 'observe-never-imported',
    prepare: async (c, k) => ({ mac: k.Origin === 'EXTERNAL' ? Buffer.alloc(32, 1) : (await c.send(new GenerateMacCommand({ KeyId: k.KeyId, Message: DATA, MacAlgorithm: 'HMAC_SHA_256' }))).Mac! }),
    call: (c, k, i) => c.send(new VerifyMacCommand({ KeyId: k.KeyId, Message: DATA, Mac: i.mac as Uint8Array, MacAlgorithm: 'HMAC_SHA_256' })),
  },
  { op: 'GetPublicKey', spec: 'RSA_2048', usage: 'SIGN_VERIFY', inTable: true, pendingImport: 'observe-never-imported', call: (c, k) => c.send(new GetPublicKeyCommand({ KeyId: k.KeyId })) },
  {
    op: 'DeriveSharedSecret', spec: 'ECC_NIST_P256', usage: 'KEY_AGREEMENT', inTable: false, pendingImport: 'observe-never-imported',
    // Any P-256 public key will do: the peer's own half is never used.
    prepare: async () => ({ peer: generateKeyPairSync('ec', { namedCurve: 'prime256v1' }).publicKey.export({ type: 'spki', format: 'der' }) }),
    call: (c, k, i) => c.send(new DeriveSharedSecretCommand({ KeyId: k.KeyId, KeyAgreementAlgorithm: 'ECDH', PublicKey: i.peer as Uint8Array })),
  },
  { op: 'Encapsulate', spec: 'ML_KEM_768', usage: 'ENCAPSULATE_DECAPSULATE', inTable: false, call: (c, k) => c.send(new EncapsulateCommand({ KeyId: k.KeyId, EncapsulationAlgorithm: 'ML_KEM' })) },
  {
    op: 'Decapsulate', spec: 'ML_KEM_768', usage: 'ENCAPSULATE_DECAPSULATE', inTable: false,
    prepare: async (c, k) => ({ blob: (await c.send(new EncapsulateCommand({ KeyId: k.KeyId, EncapsulationAlgorithm: 'ML_KEM' }))).SharedSecretCiphertextBlob! }),
    call: (c, k, i) => c.send(new DecapsulateCommand({ KeyId: k.KeyId, EncapsulationAlgorithm: 'ML_KEM', SharedSecretCiphertextBlob: i.blob as Uint8Array })),
  },
];

/** Brings an Enabled key to `state`, waiting until DescribeKey shows it. */
async function bringTo(c: KMSClient, key: KeyMetadata, state: 'Disabled' | 'PendingDeletion'): Promise<void> {
  if (state === 'Disabled') await c.send(new DisableKeyCommand({ KeyId: key.KeyId }));
  else await c.send(new ScheduleKeyDeletionCommand({ KeyId: key.KeyId, PendingWindowInDays: 7 }));
  const md = await describeKey(c, key.KeyId!, { settledIn: [state] });
  precondition(md.KeyState === state, state === 'Disabled' ? 'KEY-06' : 'KEY-07', `${state === 'Disabled' ? 'DisableKey' : 'ScheduleKeyDeletion'} left the key ${md.KeyState}, not ${state}`);
}

/** A key of the case in `state`, with the inputs its call needs. */
async function keyIn(kms: SpecContext, c: OperationCase, state: State, label: string): Promise<{ key: KeyMetadata; inputs: Inputs }> {
  const client = kms.primary;
  if (state === 'PendingImport') {
    if (c.pendingImport === 'deleted') {
      const { key } = await createImportedKey(client, { description: label });
      const inputs = (await c.prepare?.(client, key)) ?? {};
      await client.send(new DeleteImportedKeyMaterialCommand({ KeyId: key.KeyId }));
      await describeKey(client, key.KeyId!, { settledIn: ['PendingImport'] });
      return { key, inputs };
    }
    const key = await createKeyOf(client, c.spec, c.usage, { origin: 'EXTERNAL', description: label });
    const md = await describeKey(client, key.KeyId!);
    precondition(md.KeyState === 'PendingImport', 'KEY-01', `CreateKey with Origin EXTERNAL made a key in ${md.KeyState}, not PendingImport`);
    return { key, inputs: (await c.prepare?.(client, key)) ?? {} };
  }
  const key = await createKeyOf(client, c.spec, c.usage, { description: label });
  const inputs = (await c.prepare?.(client, key)) ?? {};
  await bringTo(client, key, state);
  return { key, inputs };
}


const RULE: Record<State, { codes: string[]; footnote: string; words: string }> = {
  Disabled: { codes: ['DisabledException'], footnote: 'footnote 1', words: 'DisabledException' },
  PendingDeletion: { codes: ['KMSInvalidStateException', 'DisabledException'], footnote: 'footnotes 2 and 3', words: 'KMSInvalidStateException (or DisabledException, as the table allows)' },
  PendingImport: { codes: ['KMSInvalidStateException'], footnote: 'footnote 5', words: 'KMSInvalidStateException' },
};

/** Stable ids: KST-<nn> in this order (operation, then state); never renumbered. */
let n = 0;
for (const c of CASES) {
  const states: State[] = ['Disabled', 'PendingDeletion', ...(c.pendingImport ? (['PendingImport'] as const) : [])];
  for (const state of states) {
    const id = `KST-${String(++n).padStart(2, '0')}`;
    const documented = state === 'PendingImport' ? c.pendingImport === 'never-imported' || c.pendingImport === 'deleted' : c.inTable;
    const rule = RULE[state];
    requirement(
      documented
        ? {
            id,
            statement: `${c.op} with a ${c.spec} key in ${state} is refused with ${rule.words} (HTTP 400)`,
            operation: c.op,
            source: { url: KEY_STATE, section: `${c.op} row: ${state}, ${rule.footnote}`, groundTruth: state === 'PendingImport' ? 'CRY-141' : state === 'Disabled' ? 'CRY-139' : 'CRY-140' },
            evidence: 'documented',
            strength: 'must',
          }
        : {
            id,
            statement: `What ${c.op} answers with a ${c.spec} key in ${state} (expected ${rule.words})`,
            operation: c.op,
            source: { url: KEY_STATE, section: c.inTable ? `${c.op} row: ${state} (N/A in the 2022 table)` : `${c.op} is not in the table`, groundTruth: state === 'PendingImport' ? 'CRY-142' : 'CRY-145' },
            evidence: 'inferred',
            strength: 'observe',
          },
      async (kms) => {
        const { key, inputs } = await keyIn(kms, c, state, id);
        if (!documented) {
          kms.observe('answer', await answerOf(c.call(kms.primary, key, inputs)));
          return;
        }
        const answer = await answerOf(c.call(kms.primary, key, inputs));
        if (!isError(answer)) throw new Error(`${c.op} succeeded on a key in ${state}`);
        expect(rule.codes, `${answer.code}: ${answer.message ?? ''}`).toContain(answer.code);
        expect(answer.status).toBe(400);
      },
    );
  }
}

requirement(
  {
    id: 'KST-50',
    statement: 'The refusal of a cryptographic operation on a Disabled key reads <key ARN> is disabled.',
    operation: 'Sign',
    source: { url: KEY_STATE, section: 'footnote 1', groundTruth: 'CRY-139, §7 #25' },
    evidence: 'documented',
    strength: 'should',
  },
  async (kms) => {
    for (const c of CASES.filter((x) => ['Sign', 'GenerateMac', 'GenerateDataKeyPair'].includes(x.op))) {
      const { key, inputs } = await keyIn(kms, c, 'Disabled', 'KST-50');
      const e = await expectKmsError(c.call(kms.primary, key, inputs), 'DisabledException');
      expect(e.message, c.op).toBe(`${key.Arn} is disabled.`);
    }
  },
);

/**
 * The Enabled and PendingReplicaDeletion columns (ids from KST-51, in case order, Enabled then
 * PendingReplicaDeletion). A key pending replica deletion is a multi-Region primary of the case's
 * spec, scheduled for deletion while it has a replica; the table's PendDel column covers it.
 */
async function primaryPendingReplicaDeletion(kms: SpecContext, c: OperationCase, label: string): Promise<{ key: KeyMetadata; inputs: Inputs }> {
  const regions = replicaRegions(kms.target);
  if (regions.length === 0) kms.notApplicable('the target names no other Region for replicas (replicaRegions)');
  const client = kms.primary;
  const key = (await client.send(new CreateKeyCommand({ MultiRegion: true, KeySpec: c.spec, KeyUsage: c.usage, Description: `kms-conformance ${label}` }))).KeyMetadata!;
  const inputs = (await c.prepare?.(client, key)) ?? {};
  await client.send(new ReplicateKeyCommand({ KeyId: key.KeyId, ReplicaRegion: regions[0] }));
  await awaitReplica(kms.inRegion(regions[0]!), key.KeyId!);
  await client.send(new ScheduleKeyDeletionCommand({ KeyId: key.KeyId, PendingWindowInDays: 7 }));
  const md = await describeKey(client, key.KeyId!, { settledIn: ['PendingReplicaDeletion'] });
  precondition(md.KeyState === 'PendingReplicaDeletion', 'MRK-20', `ScheduleKeyDeletion left a primary with a replica ${md.KeyState}, not PendingReplicaDeletion`);
  return { key, inputs };
}

let m = 50;
for (const c of CASES) {
  const enabledId = `KST-${++m}`;
  requirement(
    {
      id: enabledId,
      statement: `${c.op} with an Enabled ${c.spec} key succeeds`,
      operation: c.op,
      source: { url: KEY_STATE, section: c.inTable ? `${c.op} row: Enabled` : `${c.op} is not in the table (its own documentation)`, groundTruth: 'key-management §8' },
      evidence: 'documented',
      strength: 'must',
    },
    async (kms) => {
      const key = await createKeyOf(kms.primary, c.spec, c.usage, { description: enabledId });
      const inputs = (await c.prepare?.(kms.primary, key)) ?? {};
      const answer = await answerOf(c.call(kms.primary, key, inputs));
      if (isError(answer)) throw new ExpectationFailure(`${c.op} with an Enabled key was refused with ${answer.code} (HTTP ${answer.status}): ${answer.message ?? ''}`, 'success', answer);
    },
  );
  const prdId = `KST-${++m}`;
  const rule = RULE.PendingDeletion;
  requirement(
    c.inTable
      ? {
          id: prdId,
          statement: `${c.op} with a ${c.spec} multi-Region primary in PendingReplicaDeletion is refused with ${rule.words} (HTTP 400)`,
          operation: c.op,
          source: { url: KEY_STATE, section: `${c.op} row: PendingReplicaDeletion (the PendingDeletion column), ${rule.footnote}`, groundTruth: 'MGT-134, CRY-140' },
          evidence: 'documented',
          strength: 'must',
        }
      : {
          id: prdId,
          statement: `What ${c.op} answers with a ${c.spec} multi-Region primary in PendingReplicaDeletion (expected ${rule.words})`,
          operation: c.op,
          source: { url: KEY_STATE, section: `${c.op} is not in the table`, groundTruth: 'CRY-145' },
          evidence: 'inferred',
          strength: 'observe',
        },
    async (kms) => {
      const { key, inputs } = await primaryPendingReplicaDeletion(kms, c, prdId);
      const answer = await answerOf(c.call(kms.primary, key, inputs));
      if (!c.inTable) {
        kms.observe('answer', answer);
        return;
      }
      if (!isError(answer)) throw new Error(`${c.op} succeeded with a primary pending replica deletion`);
      expect(rule.codes, `${answer.code}: ${answer.message ?? ''}`).toContain(answer.code);
      expect(answer.status).toBe(400);
    },
  );
}
