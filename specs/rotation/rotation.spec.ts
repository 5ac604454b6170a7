/**
 * Key rotation: automatic rotation settings, on-demand rotation of KMS-generated and of imported
 * material, and ListKeyRotations (key-management ground truth §1, requirements MGT-001…MGT-034).
 * An on-demand rotation is asynchronous on AWS (GetKeyRotationStatus shows OnDemandRotationStartDate
 * until it completes), so the checks wait for it, boundedly, on every target.
 * @see https://docs.aws.amazon.com/kms/latest/developerguide/rotate-keys.html
 */
import {
  CancelKeyDeletionCommand,
  DecryptCommand,
  DeleteImportedKeyMaterialCommand,
  DescribeKeyCommand,
  DisableKeyCommand,
  DisableKeyRotationCommand,
  EnableKeyRotationCommand,
  EncryptCommand,
  GetKeyRotationStatusCommand,
  ListKeyRotationsCommand,
  RotateKeyOnDemandCommand,
  ScheduleKeyDeletionCommand,
  type GetKeyRotationStatusCommandOutput,
  type KMSClient,
} from '@aws-sdk/client-kms';
import { expect } from 'vitest';
import { asyncWaitMs, createImportedKey, createKeyOf, createKmsKey, describeKey, eventually, importKeyMaterial, newKeyMaterial } from '#harness/kms/index.ts';
import { answerOf, apiRef, DEV_GUIDE, expectKmsError, expectRawError, members, recorded, requirement, type SpecContext } from '#harness/spec/index.ts';

const ROTATE_DOC = `${DEV_GUIDE}/rotate-keys.html`;
const KEY_STATE = `${DEV_GUIDE}/key-state.html`;
const DELETE_MATERIAL_DOC = `${DEV_GUIDE}/importing-keys-delete-key-material.html`;
const PROBE = Buffer.from('kms-conformance rotation probe');
/**
 * How long an on-demand rotation may take to complete: AWS's recorded rotations took seconds and
 * LocalStack's tests poll 90 s; a local target gets a few seconds.
 */
const ROTATION_WAIT_MS = 90_000;
const rotationWait = (c: KMSClient) => asyncWaitMs(c, ROTATION_WAIT_MS);

const rotationStatus = (c: KMSClient, KeyId: string) => c.send(new GetKeyRotationStatusCommand({ KeyId }));

/** Waits until no on-demand rotation of the key is in progress; the status then. */
function rotationDone(c: KMSClient, keyId: string): Promise<GetKeyRotationStatusCommandOutput> {
  return eventually(() => rotationStatus(c, keyId), { until: (s) => s.OnDemandRotationStartDate === undefined, timeoutMs: rotationWait(c), intervalMs: 1_000 });
}

/** Rotates on demand and waits for it to complete. */
async function rotateNow(c: KMSClient, keyId: string) {
  const out = await c.send(new RotateKeyOnDemandCommand({ KeyId: keyId }));
  await rotationDone(c, keyId);
  return out;
}

/** CurrentKeyMaterialId once it differs from `before` (or the last value read when the wait ends). */
async function currentMaterialAfter(c: KMSClient, keyId: string, before: string | undefined): Promise<string | undefined> {
  const md = await eventually(async () => (await c.send(new DescribeKeyCommand({ KeyId: keyId }))).KeyMetadata!, { until: (m) => m.CurrentKeyMaterialId !== before, timeoutMs: rotationWait(c) });
  return md.CurrentKeyMaterialId;
}

const encrypt = async (c: KMSClient, KeyId: string) => (await c.send(new EncryptCommand({ KeyId, Plaintext: PROBE }))).CiphertextBlob!;
const decrypt = async (c: KMSClient, CiphertextBlob: Uint8Array) => Buffer.from((await c.send(new DecryptCommand({ CiphertextBlob }))).Plaintext!).toString();

const symmetricKey = (kms: SpecContext, label: string) => createKmsKey(kms.primary, label);

requirement(
  {
    id: 'ROT-01',
    statement: 'EnableKeyRotation without a period turns rotation on: GetKeyRotationStatus reports KeyRotationEnabled true, RotationPeriodInDays 365 and a NextRotationDate',
    operation: 'EnableKeyRotation',
    source: recorded('TestKMS::test_key_enable_rotation_status (automatic_rotation_enabled)', undefined, 'recorded 2025-03-12', 'MGT-001'),
    evidence: 'recorded',
    strength: 'must',
  },
  async (kms) => {
    const key = await symmetricKey(kms, 'ROT-01');
    await kms.primary.send(new EnableKeyRotationCommand({ KeyId: key.KeyId }));
    const s = await rotationStatus(kms.primary, key.KeyId!);
    expect({ enabled: s.KeyRotationEnabled, period: s.RotationPeriodInDays, next: s.NextRotationDate instanceof Date }).toEqual({ enabled: true, period: 365, next: true });
  },
);

requirement(
  {
    id: 'ROT-02',
    statement: 'EnableKeyRotation with RotationPeriodInDays 90 or 180 is reported back by GetKeyRotationStatus with a NextRotationDate',
    operation: 'EnableKeyRotation',
    source: recorded('TestKMS::test_key_enable_rotation_status[90], [180]', undefined, 'recorded 2025-03-02', 'MGT-002'),
    evidence: 'recorded',
    strength: 'must',
  },
  async (kms) => {
    for (const days of [90, 180]) {
      const key = await symmetricKey(kms, 'ROT-02');
      await kms.primary.send(new EnableKeyRotationCommand({ KeyId: key.KeyId, RotationPeriodInDays: days }));
      const s = await rotationStatus(kms.primary, key.KeyId!);
      expect({ days, enabled: s.KeyRotationEnabled, period: s.RotationPeriodInDays, next: s.NextRotationDate instanceof Date }).toEqual({ days, enabled: true, period: days, next: true });
    }
  },
);

requirement(
  {
    id: 'ROT-03',
    statement: 'EnableKeyRotation with RotationPeriodInDays 89 or 2561 answers ValidationException (HTTP 400)',
    operation: 'EnableKeyRotation',
    source: { url: apiRef('EnableKeyRotation'), section: 'Request Parameters: RotationPeriodInDays (90–2560)', groundTruth: 'MGT-003' },
    evidence: 'documented',
    strength: 'must',
  },
  async (kms) => {
    const key = await symmetricKey(kms, 'ROT-03');
    for (const days of [89, 2561]) {
      const e = await expectKmsError(kms.primary.send(new EnableKeyRotationCommand({ KeyId: key.KeyId, RotationPeriodInDays: days })), 'ValidationException', 400);
      kms.observe(`message for ${days}`, e.message);
    }
  },
);

requirement(
  {
    id: 'ROT-04',
    statement: 'A key whose rotation is off reports KeyRotationEnabled false, without RotationPeriodInDays or NextRotationDate',
    operation: 'GetKeyRotationStatus',
    source: recorded('TestKMS::test_key_enable_rotation_status (automatic_rotation_disabled)', undefined, 'recorded 2025-11-10', 'MGT-004'),
    evidence: 'recorded',
    strength: 'must',
  },
  async (kms) => {
    const key = await symmetricKey(kms, 'ROT-04');
    const s = await rotationStatus(kms.primary, key.KeyId!);
    expect(members(s).filter((m) => m !== 'KeyId')).toEqual(['KeyRotationEnabled']);
    expect(s.KeyRotationEnabled).toBe(false);
  },
);

requirement(
  {
    id: 'ROT-05',
    statement: 'After EnableKeyRotation the status reads true, and after DisableKeyRotation false',
    operation: 'DisableKeyRotation',
    source: recorded('TestKMS::test_key_rotation_status', undefined, 'validated 2024-04-11', 'MGT-005'),
    evidence: 'recorded',
    strength: 'must',
  },
  async (kms) => {
    const key = await symmetricKey(kms, 'ROT-05');
    await kms.primary.send(new EnableKeyRotationCommand({ KeyId: key.KeyId }));
    expect((await rotationStatus(kms.primary, key.KeyId!)).KeyRotationEnabled, 'after enable').toBe(true);
    await kms.primary.send(new DisableKeyRotationCommand({ KeyId: key.KeyId }));
    expect((await rotationStatus(kms.primary, key.KeyId!)).KeyRotationEnabled, 'after disable').toBe(false);
  },
);

requirement(
  {
    id: 'ROT-06',
    statement: 'EnableKeyRotation on a key that already rotates, with another RotationPeriodInDays, changes the reported period',
    operation: 'EnableKeyRotation',
    source: { url: apiRef('EnableKeyRotation'), section: 'Request Parameters: RotationPeriodInDays', groundTruth: 'MGT-006' },
    evidence: 'documented',
    strength: 'must',
  },
  async (kms) => {
    const key = await symmetricKey(kms, 'ROT-06');
    await kms.primary.send(new EnableKeyRotationCommand({ KeyId: key.KeyId, RotationPeriodInDays: 180 }));
    await kms.primary.send(new EnableKeyRotationCommand({ KeyId: key.KeyId, RotationPeriodInDays: 400 }));
    expect((await rotationStatus(kms.primary, key.KeyId!)).RotationPeriodInDays).toBe(400);
  },
);

requirement(
  {
    id: 'ROT-07',
    statement: 'RotateKeyOnDemand called with the bare key ID answers exactly KeyId, the key ARN',
    operation: 'RotateKeyOnDemand',
    source: recorded('TestKMS::test_rotate_on_demand_returns_arn_for_key_id', 'rotate-on-demand-aws-key', 'recorded 2025-11-06', 'MGT-007'),
    evidence: 'recorded',
    strength: 'must',
  },
  async (kms) => {
    const key = await symmetricKey(kms, 'ROT-07');
    const out = await rotateNow(kms.primary, key.KeyId!);
    expect({ members: members(out), KeyId: out.KeyId }).toEqual({ members: ['KeyId'], KeyId: key.Arn });
  },
);

requirement(
  {
    id: 'ROT-08',
    statement: 'An on-demand rotation leaves automatic rotation as it was: KeyRotationEnabled, RotationPeriodInDays and NextRotationDate unchanged',
    operation: 'RotateKeyOnDemand',
    source: recorded('TestKMS::test_rotate_key_on_demand_with_automatic_rotation_enabled', undefined, 'recorded 2025-03-12', 'MGT-008, MGT-009'),
    evidence: 'recorded',
    strength: 'must',
  },
  async (kms) => {
    const key = await symmetricKey(kms, 'ROT-08');
    await kms.primary.send(new EnableKeyRotationCommand({ KeyId: key.KeyId }));
    const before = await rotationStatus(kms.primary, key.KeyId!);
    await rotateNow(kms.primary, key.KeyId!);
    const after = await rotationStatus(kms.primary, key.KeyId!);
    const view = (s: GetKeyRotationStatusCommandOutput) => ({ enabled: s.KeyRotationEnabled, period: s.RotationPeriodInDays, next: s.NextRotationDate?.toISOString() });
    expect(view(after)).toEqual(view(before));
  },
);

requirement(
  {
    id: 'ROT-09',
    statement: 'RotateKeyOnDemand also works with automatic rotation off, which stays off',
    operation: 'RotateKeyOnDemand',
    source: recorded('TestKMS::test_rotate_key_on_demand_with_automatic_rotation_disabled', undefined, 'recorded 2025-11-10', 'MGT-008'),
    evidence: 'recorded',
    strength: 'must',
  },
  async (kms) => {
    const key = await symmetricKey(kms, 'ROT-09');
    await rotateNow(kms.primary, key.KeyId!);
    const after = await rotationStatus(kms.primary, key.KeyId!);
    expect(after.KeyRotationEnabled).toBe(false);
  },
);

requirement(
  {
    id: 'ROT-10',
    statement: "After an on-demand rotation DescribeKey reports another 64-hex CurrentKeyMaterialId, and the rest of the key's metadata is unchanged",
    operation: 'RotateKeyOnDemand',
    source: recorded('TestKMS::test_key_rotation_updates_current_key_material_id_for_aws_symmetric_keys', undefined, 'recorded 2025-11-19', 'MGT-011'),
    evidence: 'recorded',
    strength: 'must',
  },
  async (kms) => {
    const key = await symmetricKey(kms, 'ROT-10');
    const before = await describeKey(kms.primary, key.KeyId!);
    await rotateNow(kms.primary, key.KeyId!);
    const current = await currentMaterialAfter(kms.primary, key.KeyId!, before.CurrentKeyMaterialId);
    expect(current).toMatch(/^[0-9a-f]{64}$/);
    expect(current).not.toBe(before.CurrentKeyMaterialId);
    const { CurrentKeyMaterialId: _a, ...rest } = await describeKey(kms.primary, key.KeyId!);
    const { CurrentKeyMaterialId: _b, ...restBefore } = before;
    expect(rest).toEqual(restBefore);
  },
);

requirement(
  {
    id: 'ROT-11',
    statement: 'Ciphertext made before an on-demand rotation decrypts after it to the same plaintext',
    operation: 'Decrypt',
    source: recorded('TestKMS::test_key_rotations_encryption_decryption', undefined, 'recorded 2026-02-09', 'MGT-012'),
    evidence: 'recorded',
    strength: 'must',
  },
  async (kms) => {
    const key = await symmetricKey(kms, 'ROT-11');
    const blob = await encrypt(kms.primary, key.KeyId!);
    await rotateNow(kms.primary, key.KeyId!);
    await currentMaterialAfter(kms.primary, key.KeyId!, key.CurrentKeyMaterialId);
    expect(await decrypt(kms.primary, blob)).toBe(PROBE.toString());
  },
);

requirement(
  {
    id: 'ROT-12',
    statement: 'After a rotation, Decrypt of a ciphertext with bytes appended answers InvalidCiphertextException with an empty message',
    operation: 'Decrypt',
    source: recorded('TestKMS::test_key_rotations_encryption_decryption', undefined, 'recorded 2026-02-09', 'MGT-013'),
    evidence: 'recorded',
    strength: 'must',
  },
  async (kms) => {
    const key = await symmetricKey(kms, 'ROT-12');
    const blob = await encrypt(kms.primary, key.KeyId!);
    await rotateNow(kms.primary, key.KeyId!);
    const tampered = Buffer.concat([Buffer.from(blob), Buffer.from('tampered')]).toString('base64');
    const e = expectRawError(await kms.raw().send({ operation: 'Decrypt', body: { CiphertextBlob: tampered } }), 'InvalidCiphertextException', 400);
    expect(e.message ?? '').toBe('');
  },
);

requirement(
  {
    id: 'ROT-13',
    statement: 'Once a key has used its on-demand rotations (25), RotateKeyOnDemand answers LimitExceededException with the recorded text naming the key ARN',
    operation: 'RotateKeyOnDemand',
    source: recorded('TestKMS::test_key_rotations_limits', undefined, 'recorded 2025-04-03 (after 10; the documented quota is now 25)', 'MGT-014'),
    evidence: 'recorded',
    strength: 'should',
  },
  async (kms) => {
    const key = await symmetricKey(kms, 'ROT-13');
    let done = 0;
    for (; done < 25; done++) {
      const a = await answerOf(rotateNow(kms.primary, key.KeyId!));
      if (!('ok' in a)) break;
    }
    kms.observe('rotations accepted', done);
    const e = await expectKmsError(kms.primary.send(new RotateKeyOnDemandCommand({ KeyId: key.KeyId })), 'LimitExceededException', 400);
    expect(e.message).toBe(`The on-demand rotations limit has been reached for the given keyId. No more on-demand rotations can be performed for this key: ${key.Arn}`);
  },
  { timeout: 30 * ROTATION_WAIT_MS },
);

requirement(
  {
    id: 'ROT-14',
    statement: 'RotateKeyOnDemand on an RSA or HMAC key answers UnsupportedOperationException (HTTP 400)',
    operation: 'RotateKeyOnDemand',
    source: recorded('TestKMS::test_rotate_key_on_demand_raises_error_given_non_symmetric_key', 'error-response', 'recorded 2025-03-08', 'MGT-015, MGT-018'),
    evidence: 'recorded',
    strength: 'must',
  },
  async (kms) => {
    for (const [spec, usage] of [['RSA_4096', 'ENCRYPT_DECRYPT'], ['HMAC_256', 'GENERATE_VERIFY_MAC']] as const) {
      const key = await createKeyOf(kms.primary, spec, usage, { description: 'ROT-14' });
      await expectKmsError(kms.primary.send(new RotateKeyOnDemandCommand({ KeyId: key.KeyId })), 'UnsupportedOperationException', 400);
    }
  },
);

requirement(
  {
    id: 'ROT-15',
    statement: "RotateKeyOnDemand's UnsupportedOperationException for an RSA key carries an empty message",
    operation: 'RotateKeyOnDemand',
    source: recorded('TestKMS::test_rotate_key_on_demand_raises_error_given_non_symmetric_key', 'error-response', 'recorded 2025-03-08', 'MGT-015'),
    evidence: 'recorded',
    strength: 'should',
  },
  async (kms) => {
    const key = await createKeyOf(kms.primary, 'RSA_4096', 'ENCRYPT_DECRYPT', { description: 'ROT-15' });
    const e = expectRawError(await kms.raw().send({ operation: 'RotateKeyOnDemand', body: { KeyId: key.KeyId } }), 'UnsupportedOperationException', 400);
    expect(e.message ?? '').toBe('');
  },
);

requirement(
  {
    id: 'ROT-16',
    statement: 'RotateKeyOnDemand on a disabled key, even an RSA one, answers DisabledException "<key ARN> is disabled." (the state is checked before the key type)',
    operation: 'RotateKeyOnDemand',
    source: recorded('TestKMS::test_rotate_key_on_demand_raises_error_given_key_is_disabled', 'error-response', 'recorded 2025-03-08', 'MGT-016'),
    evidence: 'recorded',
    strength: 'must',
  },
  async (kms) => {
    const key = await createKeyOf(kms.primary, 'RSA_4096', 'ENCRYPT_DECRYPT', { description: 'ROT-16' });
    await kms.primary.send(new DisableKeyCommand({ KeyId: key.KeyId }));
    await describeKey(kms.primary, key.KeyId!, { settledIn: ['Disabled'] });
    const e = await expectKmsError(kms.primary.send(new RotateKeyOnDemandCommand({ KeyId: key.KeyId })), 'DisabledException', 400);
    expect(e.message).toBe(`${key.Arn} is disabled.`);
  },
);

requirement(
  {
    id: 'ROT-17',
    statement: "RotateKeyOnDemand of a well-formed key ID that names no key answers NotFoundException \"Key '<ARN>' does not exist\"",
    operation: 'RotateKeyOnDemand',
    source: recorded('TestKMS::test_rotate_key_on_demand_raises_error_given_key_that_does_not_exist', 'error-response', 'recorded 2025-03-08', 'MGT-017'),
    evidence: 'recorded',
    strength: 'must',
  },
  async (kms) => {
    const id = kms.syntheticKeyId();
    const e = await expectKmsError(kms.primary.send(new RotateKeyOnDemandCommand({ KeyId: id })), 'NotFoundException', 400);
    expect(e.message).toMatch(new RegExp(`^Key 'arn:aws[a-z-]*:kms:${kms.target.region}:\\d{12}:key/${id}' does not exist$`));
  },
);

requirement(
  {
    id: 'ROT-18',
    statement: 'EnableKeyRotation on an RSA signing key or an HMAC key answers UnsupportedOperationException (HTTP 400)',
    operation: 'EnableKeyRotation',
    source: { url: apiRef('EnableKeyRotation'), section: 'Description (no automatic rotation of asymmetric or HMAC keys)', groundTruth: 'MGT-021' },
    evidence: 'documented',
    strength: 'must',
  },
  async (kms) => {
    for (const [spec, usage] of [['RSA_4096', 'SIGN_VERIFY'], ['HMAC_384', 'GENERATE_VERIFY_MAC']] as const) {
      const key = await createKeyOf(kms.primary, spec, usage, { description: 'ROT-18' });
      await expectKmsError(kms.primary.send(new EnableKeyRotationCommand({ KeyId: key.KeyId })), 'UnsupportedOperationException', 400);
    }
  },
);

requirement(
  {
    id: 'ROT-19',
    statement: 'EnableKeyRotation and DisableKeyRotation on a key with imported material answer UnsupportedOperationException (HTTP 400)',
    operation: 'EnableKeyRotation',
    source: { url: KEY_STATE, section: 'EnableKeyRotation, DisableKeyRotation rows, footnote 6', groundTruth: 'MGT-022' },
    evidence: 'documented',
    strength: 'must',
  },
  async (kms) => {
    const { key } = await createImportedKey(kms.primary, { description: 'ROT-19' });
    await expectKmsError(kms.primary.send(new EnableKeyRotationCommand({ KeyId: key.KeyId })), 'UnsupportedOperationException', 400);
    await expectKmsError(kms.primary.send(new DisableKeyRotationCommand({ KeyId: key.KeyId })), 'UnsupportedOperationException', 400);
  },
);

requirement(
  {
    id: 'ROT-20',
    statement: 'That refusal reads "<key ARN> origin is EXTERNAL which is not valid for this operation."',
    operation: 'EnableKeyRotation',
    source: { url: KEY_STATE, section: 'footnote 6', groundTruth: 'MGT-022' },
    evidence: 'documented',
    strength: 'should',
  },
  async (kms) => {
    const { key } = await createImportedKey(kms.primary, { description: 'ROT-20' });
    const e = await expectKmsError(kms.primary.send(new EnableKeyRotationCommand({ KeyId: key.KeyId })), 'UnsupportedOperationException');
    expect(e.message).toBe(`${key.Arn} origin is EXTERNAL which is not valid for this operation.`);
  },
);

requirement(
  {
    id: 'ROT-21',
    statement: 'What GetKeyRotationStatus answers for symmetric keys with imported material, and for RSA and HMAC keys',
    operation: 'GetKeyRotationStatus',
    source: { url: apiRef('GetKeyRotationStatus'), section: 'Description', groundTruth: 'MGT-022, MGT-025' },
    evidence: 'unknown',
    strength: 'observe',
  },
  async (kms) => {
    const { key } = await createImportedKey(kms.primary, { description: 'ROT-21' });
    kms.observe('EXTERNAL symmetric', await answerOf(rotationStatus(kms.primary, key.KeyId!)));
    for (const [spec, usage] of [['RSA_2048', 'SIGN_VERIFY'], ['HMAC_256', 'GENERATE_VERIFY_MAC']] as const) {
      const k = await createKeyOf(kms.primary, spec, usage, { description: 'ROT-21' });
      const a = await answerOf(rotationStatus(kms.primary, k.KeyId!));
      kms.observe(spec, 'ok' in a ? (await rotationStatus(kms.primary, k.KeyId!)).KeyRotationEnabled : a);
    }
  },
);

requirement(
  {
    id: 'ROT-22',
    statement: 'EnableKeyRotation on a Disabled key answers DisabledException, and on a key pending deletion KMSInvalidStateException',
    operation: 'EnableKeyRotation',
    source: { url: KEY_STATE, section: 'EnableKeyRotation row: Disabled [1], PendingDeletion [3]', groundTruth: 'MGT-023' },
    evidence: 'documented',
    strength: 'must',
  },
  async (kms) => {
    const disabled = await symmetricKey(kms, 'ROT-22');
    await kms.primary.send(new DisableKeyCommand({ KeyId: disabled.KeyId }));
    await describeKey(kms.primary, disabled.KeyId!, { settledIn: ['Disabled'] });
    await expectKmsError(kms.primary.send(new EnableKeyRotationCommand({ KeyId: disabled.KeyId })), 'DisabledException', 400);
    const deleting = await symmetricKey(kms, 'ROT-22');
    await kms.primary.send(new ScheduleKeyDeletionCommand({ KeyId: deleting.KeyId, PendingWindowInDays: 7 }));
    await describeKey(kms.primary, deleting.KeyId!, { settledIn: ['PendingDeletion'] });
    await expectKmsError(kms.primary.send(new EnableKeyRotationCommand({ KeyId: deleting.KeyId })), 'KMSInvalidStateException', 400);
  },
);

requirement(
  {
    id: 'ROT-23',
    statement: 'A rotating key scheduled for deletion reports KeyRotationEnabled false, and true again once the deletion is cancelled',
    operation: 'GetKeyRotationStatus',
    source: { url: apiRef('GetKeyRotationStatus'), section: 'Description (pending deletion)', groundTruth: 'MGT-024' },
    evidence: 'documented',
    strength: 'must',
  },
  async (kms) => {
    const key = await symmetricKey(kms, 'ROT-23');
    await kms.primary.send(new EnableKeyRotationCommand({ KeyId: key.KeyId }));
    await kms.primary.send(new ScheduleKeyDeletionCommand({ KeyId: key.KeyId, PendingWindowInDays: 7 }));
    await describeKey(kms.primary, key.KeyId!, { settledIn: ['PendingDeletion'] });
    expect((await rotationStatus(kms.primary, key.KeyId!)).KeyRotationEnabled, 'pending deletion').toBe(false);
    await kms.primary.send(new CancelKeyDeletionCommand({ KeyId: key.KeyId }));
    await describeKey(kms.primary, key.KeyId!, { settledIn: ['Disabled'] });
    expect((await rotationStatus(kms.primary, key.KeyId!)).KeyRotationEnabled, 'after the cancellation').toBe(true);
  },
);

requirement(
  {
    id: 'ROT-24',
    statement: 'Disabling a rotating key leaves its rotation status true',
    operation: 'GetKeyRotationStatus',
    source: { url: ROTATE_DOC, section: 'How key rotation works (disabled keys)', groundTruth: 'MGT-026' },
    evidence: 'documented',
    strength: 'must',
  },
  async (kms) => {
    const key = await symmetricKey(kms, 'ROT-24');
    await kms.primary.send(new EnableKeyRotationCommand({ KeyId: key.KeyId }));
    await kms.primary.send(new DisableKeyCommand({ KeyId: key.KeyId }));
    await describeKey(kms.primary, key.KeyId!, { settledIn: ['Disabled'] });
    expect((await rotationStatus(kms.primary, key.KeyId!)).KeyRotationEnabled).toBe(true);
  },
);

requirement(
  {
    id: 'ROT-25',
    statement: 'ListKeyRotations of a never-rotated key lists no rotations; after two on-demand rotations it lists two ON_DEMAND entries with a RotationDate and the key ARN',
    operation: 'ListKeyRotations',
    source: { url: apiRef('ListKeyRotations'), section: 'Request Parameters: IncludeKeyMaterial (ROTATIONS_ONLY); RotationsListEntry', groundTruth: 'MGT-027' },
    evidence: 'documented',
    strength: 'must',
  },
  async (kms) => {
    const key = await symmetricKey(kms, 'ROT-25');
    const none = await kms.primary.send(new ListKeyRotationsCommand({ KeyId: key.KeyId }));
    expect({ rotations: none.Rotations ?? [], truncated: none.Truncated }).toEqual({ rotations: [], truncated: false });
    await rotateNow(kms.primary, key.KeyId!);
    await rotateNow(kms.primary, key.KeyId!);
    const two = await eventually(() => kms.primary.send(new ListKeyRotationsCommand({ KeyId: key.KeyId })), { until: (o) => (o.Rotations?.length ?? 0) >= 2, timeoutMs: rotationWait(kms.primary) });
    expect(two.Rotations?.map((r) => ({ type: r.RotationType, dated: r.RotationDate instanceof Date, key: r.KeyId }))).toEqual([
      { type: 'ON_DEMAND', dated: true, key: key.Arn },
      { type: 'ON_DEMAND', dated: true, key: key.Arn },
    ]);
  },
);

requirement(
  {
    id: 'ROT-26',
    statement: 'ListKeyRotations with ALL_KEY_MATERIAL adds the first material, without RotationDate or RotationType; every entry has a KeyMaterialId and exactly one is CURRENT',
    operation: 'ListKeyRotations',
    source: { url: apiRef('ListKeyRotations'), section: 'Request Parameters: IncludeKeyMaterial (ALL_KEY_MATERIAL)', groundTruth: 'MGT-028' },
    evidence: 'documented',
    strength: 'must',
  },
  async (kms) => {
    const key = await symmetricKey(kms, 'ROT-26');
    await rotateNow(kms.primary, key.KeyId!);
    const all = await eventually(() => kms.primary.send(new ListKeyRotationsCommand({ KeyId: key.KeyId, IncludeKeyMaterial: 'ALL_KEY_MATERIAL' })), { until: (o) => (o.Rotations?.length ?? 0) >= 2, timeoutMs: rotationWait(kms.primary) });
    const entries = all.Rotations ?? [];
    expect(entries.every((r) => /^[0-9a-f]{64}$/.test(r.KeyMaterialId ?? '')), 'every entry has a KeyMaterialId').toBe(true);
    expect(entries.filter((r) => r.KeyMaterialState === 'CURRENT'), 'one CURRENT').toHaveLength(1);
    const first = entries.find((r) => r.KeyMaterialId === key.CurrentKeyMaterialId);
    expect(first, 'the first material is listed').toBeDefined();
    expect(first).not.toHaveProperty('RotationDate');
    expect(first).not.toHaveProperty('RotationType');
  },
);

requirement(
  {
    id: 'ROT-27',
    statement: 'ListKeyRotations entries of a key with imported material carry ImportState and ExpirationModel; those of a KMS-generated key do not',
    operation: 'ListKeyRotations',
    source: { url: 'https://docs.aws.amazon.com/kms/latest/APIReference/API_RotationsListEntry.html', section: 'ImportState, ExpirationModel (only for EXTERNAL keys)', groundTruth: 'MGT-029' },
    evidence: 'documented',
    strength: 'must',
  },
  async (kms) => {
    const { key: external } = await createImportedKey(kms.primary, { description: 'ROT-27' });
    const ext = await kms.primary.send(new ListKeyRotationsCommand({ KeyId: external.KeyId, IncludeKeyMaterial: 'ALL_KEY_MATERIAL' }));
    expect(ext.Rotations?.[0], 'imported material').toMatchObject({ ImportState: 'IMPORTED', ExpirationModel: 'KEY_MATERIAL_DOES_NOT_EXPIRE', KeyMaterialState: 'CURRENT' });
    const generated = await symmetricKey(kms, 'ROT-27');
    const gen = await kms.primary.send(new ListKeyRotationsCommand({ KeyId: generated.KeyId, IncludeKeyMaterial: 'ALL_KEY_MATERIAL' }));
    for (const m of ['ImportState', 'ExpirationModel', 'KeyMaterialDescription']) expect(gen.Rotations?.[0], `KMS-generated material has no ${m}`).not.toHaveProperty(m);
  },
);

requirement(
  {
    id: 'ROT-28',
    statement: 'ListKeyRotations of an RSA or HMAC key answers UnsupportedOperationException (HTTP 400)',
    operation: 'ListKeyRotations',
    source: { url: apiRef('ListKeyRotations'), section: 'Request Parameters: IncludeKeyMaterial; Errors: UnsupportedOperationException', groundTruth: 'MGT-030' },
    evidence: 'documented',
    strength: 'must',
  },
  async (kms) => {
    for (const [spec, usage] of [['RSA_2048', 'ENCRYPT_DECRYPT'], ['HMAC_224', 'GENERATE_VERIFY_MAC']] as const) {
      const key = await createKeyOf(kms.primary, spec, usage, { description: 'ROT-28' });
      await expectKmsError(kms.primary.send(new ListKeyRotationsCommand({ KeyId: key.KeyId })), 'UnsupportedOperationException', 400);
    }
  },
);

requirement(
  {
    id: 'ROT-29',
    statement: 'ListKeyRotations pages by Limit and Marker: with Limit 1 over two rotations the first page is Truncated with a NextMarker, the second holds the other entry',
    operation: 'ListKeyRotations',
    source: { url: apiRef('ListKeyRotations'), section: 'Request Parameters: Limit, Marker; Response Elements: NextMarker, Truncated', groundTruth: 'MGT-031' },
    evidence: 'documented',
    strength: 'must',
  },
  async (kms) => {
    const key = await symmetricKey(kms, 'ROT-29');
    await rotateNow(kms.primary, key.KeyId!);
    await rotateNow(kms.primary, key.KeyId!);
    await eventually(() => kms.primary.send(new ListKeyRotationsCommand({ KeyId: key.KeyId })), { until: (o) => (o.Rotations?.length ?? 0) >= 2, timeoutMs: rotationWait(kms.primary) });
    const first = await kms.primary.send(new ListKeyRotationsCommand({ KeyId: key.KeyId, Limit: 1 }));
    expect({ n: first.Rotations?.length, truncated: first.Truncated, marker: typeof first.NextMarker }).toEqual({ n: 1, truncated: true, marker: 'string' });
    const second = await kms.primary.send(new ListKeyRotationsCommand({ KeyId: key.KeyId, Limit: 1, Marker: first.NextMarker }));
    // Entries are told apart by material id, or by rotation date where a target reports no id.
    const entryId = (r: { KeyMaterialId?: string; RotationDate?: Date } | undefined) => r?.KeyMaterialId ?? r?.RotationDate?.toISOString();
    expect(second.Rotations, 'the second page holds an entry').toHaveLength(1);
    expect(entryId(second.Rotations?.[0]), 'another entry than the first page').not.toBe(entryId(first.Rotations?.[0]));
    await expectKmsError(kms.primary.send(new ListKeyRotationsCommand({ KeyId: key.KeyId, Limit: 0 })), 'ValidationException', 400);
  },
);

requirement(
  {
    id: 'ROT-30',
    statement: 'Imported material: a NEW_KEY_MATERIAL import leaves CurrentKeyMaterialId as it was, and RotateKeyOnDemand then makes the new material current',
    operation: 'RotateKeyOnDemand',
    source: recorded('TestKMS::test_rotate_key_on_demand_updates_current_key_material_for_external_keys', 'describe-key-with-material-response', 'recorded 2025-11-09', 'MGT-032'),
    evidence: 'recorded',
    strength: 'must',
  },
  async (kms) => {
    const { key, keyMaterialId: first } = await createImportedKey(kms.primary, { description: 'ROT-30' });
    const { response } = await importKeyMaterial(kms.primary, key.KeyId!, newKeyMaterial(), { importType: 'NEW_KEY_MATERIAL' });
    expect((await describeKey(kms.primary, key.KeyId!)).CurrentKeyMaterialId, 'before the rotation').toBe(first);
    await rotateNow(kms.primary, key.KeyId!);
    expect(await currentMaterialAfter(kms.primary, key.KeyId!, first), 'after the rotation').toBe(response.KeyMaterialId);
  },
);

requirement(
  {
    id: 'ROT-31',
    statement: 'RotateKeyOnDemand of a key with imported material and none pending rotation answers KMSInvalidStateException (HTTP 400)',
    operation: 'RotateKeyOnDemand',
    source: recorded('TestKMS::test_rotate_key_on_demand_raises_for_no_pending_key_material', 'rotate-key-on-demand-invalid-state-error', 'recorded 2025-11-19', 'MGT-032'),
    evidence: 'recorded',
    strength: 'must',
  },
  async (kms) => {
    const { key } = await createImportedKey(kms.primary, { description: 'ROT-31' });
    await expectKmsError(kms.primary.send(new RotateKeyOnDemandCommand({ KeyId: key.KeyId })), 'KMSInvalidStateException', 400);
  },
);

requirement(
  {
    id: 'ROT-32',
    statement: 'That refusal reads "No available key material pending rotation for the key: <key ARN>."',
    operation: 'RotateKeyOnDemand',
    source: recorded('TestKMS::test_rotate_key_on_demand_raises_for_no_pending_key_material', 'rotate-key-on-demand-invalid-state-error', 'recorded 2025-11-19', 'MGT-032'),
    evidence: 'recorded',
    strength: 'should',
  },
  async (kms) => {
    const { key } = await createImportedKey(kms.primary, { description: 'ROT-32' });
    const e = await expectKmsError(kms.primary.send(new RotateKeyOnDemandCommand({ KeyId: key.KeyId })), 'KMSInvalidStateException');
    expect(e.message).toBe(`No available key material pending rotation for the key: ${key.Arn}.`);
  },
);

requirement(
  {
    id: 'ROT-33',
    statement: 'RotateKeyOnDemand of a key waiting for its first import answers KMSInvalidStateException "<key ARN> is pending import."',
    operation: 'RotateKeyOnDemand',
    source: recorded('TestKMS::test_rotate_key_on_demand_on_external_key_with_no_key_material[SYMMETRIC_DEFAULT]', 'rotate-key-on-demand-error-response-SYMMETRIC_DEFAULT', 'recorded 2025-11-05', 'MGT-032'),
    evidence: 'recorded',
    strength: 'must',
  },
  async (kms) => {
    const key = await createKeyOf(kms.primary, 'SYMMETRIC_DEFAULT', 'ENCRYPT_DECRYPT', { origin: 'EXTERNAL', description: 'ROT-33' });
    const e = await expectKmsError(kms.primary.send(new RotateKeyOnDemandCommand({ KeyId: key.KeyId })), 'KMSInvalidStateException', 400);
    expect(e.message).toBe(`${key.Arn} is pending import.`);
  },
);

/** An imported key rotated once onto new material: the first material is NON_CURRENT. */
async function rotatedImportedKey(kms: SpecContext, label: string) {
  const { key, material, keyMaterialId: first } = await createImportedKey(kms.primary, { description: label });
  const blob = await encrypt(kms.primary, key.KeyId!);
  const { response } = await importKeyMaterial(kms.primary, key.KeyId!, newKeyMaterial(), { importType: 'NEW_KEY_MATERIAL' });
  await rotateNow(kms.primary, key.KeyId!);
  await currentMaterialAfter(kms.primary, key.KeyId!, first);
  return { key, material, first: first!, second: response.KeyMaterialId!, blob };
}

requirement(
  {
    id: 'ROT-34',
    statement: 'Deleting the non-current material of a rotated imported key (by its KeyMaterialId) makes the key PendingImport, and Encrypt is refused with KMSInvalidStateException',
    operation: 'DeleteImportedKeyMaterial',
    source: { url: DELETE_MATERIAL_DOC, section: 'Deleting key material (multiple key materials)', groundTruth: 'MGT-033, REQ-D9, REQ-I15' },
    evidence: 'documented',
    strength: 'must',
  },
  async (kms) => {
    const { key, first } = await rotatedImportedKey(kms, 'ROT-34');
    await kms.primary.send(new DeleteImportedKeyMaterialCommand({ KeyId: key.KeyId, KeyMaterialId: first }));
    expect((await describeKey(kms.primary, key.KeyId!, { settledIn: ['PendingImport'] })).KeyState).toBe('PendingImport');
    await expectKmsError(kms.primary.send(new EncryptCommand({ KeyId: key.KeyId, Plaintext: PROBE })), 'KMSInvalidStateException', 400);
  },
);

requirement(
  {
    id: 'ROT-35',
    statement: 'Reimporting that deleted material (EXISTING_KEY_MATERIAL with its KeyMaterialId) enables the key again, and ciphertext made under it decrypts',
    operation: 'ImportKeyMaterial',
    source: { url: apiRef('DeleteImportedKeyMaterial'), section: 'Description (reimport the same key material)', groundTruth: 'MGT-034, REQ-I15' },
    evidence: 'documented',
    strength: 'must',
  },
  async (kms) => {
    const { key, material, first, blob } = await rotatedImportedKey(kms, 'ROT-35');
    await kms.primary.send(new DeleteImportedKeyMaterialCommand({ KeyId: key.KeyId, KeyMaterialId: first }));
    await describeKey(kms.primary, key.KeyId!, { settledIn: ['PendingImport'] });
    await importKeyMaterial(kms.primary, key.KeyId!, material, { importType: 'EXISTING_KEY_MATERIAL', keyMaterialId: first });
    expect((await describeKey(kms.primary, key.KeyId!, { settledIn: ['Enabled'] })).KeyState).toBe('Enabled');
    expect(await decrypt(kms.primary, blob)).toBe(PROBE.toString());
  },
);

requirement(
  {
    id: 'ROT-36',
    statement: 'Deleting a material pending rotation leaves the key Enabled on its current material, and the material is no longer listed',
    operation: 'DeleteImportedKeyMaterial',
    source: { url: DELETE_MATERIAL_DOC, section: 'Deleting key material (a material in PENDING_ROTATION)', groundTruth: 'MGT-033, REQ-D9' },
    evidence: 'documented',
    strength: 'must',
  },
  async (kms) => {
    const { key, keyMaterialId: first } = await createImportedKey(kms.primary, { description: 'ROT-36' });
    const { response } = await importKeyMaterial(kms.primary, key.KeyId!, newKeyMaterial(), { importType: 'NEW_KEY_MATERIAL' });
    await kms.primary.send(new DeleteImportedKeyMaterialCommand({ KeyId: key.KeyId, KeyMaterialId: response.KeyMaterialId }));
    const md = await describeKey(kms.primary, key.KeyId!);
    expect({ state: md.KeyState, current: md.CurrentKeyMaterialId }).toEqual({ state: 'Enabled', current: first });
    const all = await kms.primary.send(new ListKeyRotationsCommand({ KeyId: key.KeyId, IncludeKeyMaterial: 'ALL_KEY_MATERIAL' }));
    expect(all.Rotations?.map((r) => r.KeyMaterialId)).not.toContain(response.KeyMaterialId);
  },
);

requirement(
  {
    id: 'ROT-37',
    statement: 'Whether GetKeyRotationStatus shows OnDemandRotationStartDate right after RotateKeyOnDemand (the rotation may already be complete)',
    operation: 'GetKeyRotationStatus',
    source: { url: apiRef('GetKeyRotationStatus'), section: 'Response Elements: OnDemandRotationStartDate', groundTruth: 'MGT-010' },
    evidence: 'documented',
    strength: 'observe',
  },
  async (kms) => {
    const key = await symmetricKey(kms, 'ROT-37');
    await kms.primary.send(new RotateKeyOnDemandCommand({ KeyId: key.KeyId }));
    const s = await rotationStatus(kms.primary, key.KeyId!);
    kms.observe('OnDemandRotationStartDate present', s.OnDemandRotationStartDate !== undefined);
    await rotationDone(kms.primary, key.KeyId!);
  },
);
